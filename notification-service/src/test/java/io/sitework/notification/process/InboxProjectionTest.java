package io.sitework.notification.process;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.UnknownEvent;
import io.sitework.events.context.AssetRegistered;
import io.sitework.notification.TestEvents;
import io.sitework.notification.inbox.InboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InboxProjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T07:30:01Z");

    private final InboxProjection projection = new InboxProjection(List.of(new WorkRequestedRule()));

    @Test
    void workRequestedWithAnOwnerPutsOneEntryInTheOwnersInbox() {
        CloudEvent event = TestEvents.workRequested("w-1", "u-tech-bruno");

        List<InboxEntry> entries = projection.entriesFor(event, NOW);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(InboxEntry.idFor(event.id(), "u-tech-bruno", "inbox"));
            assertThat(entry.userId()).isEqualTo("u-tech-bruno");
            assertThat(entry.siteId()).isEqualTo(TestEvents.SITE);
            assertThat(entry.eventId()).isEqualTo(event.id());
            assertThat(entry.eventType()).isEqualTo("io.sitework.work.requested.v1");
            assertThat(entry.subjectId()).isEqualTo("w-1");
            assertThat(entry.title()).isEqualTo("New work assigned to you: Replace mechanical seal on P-101");
            assertThat(entry.body()).contains("priority HIGH").contains("Seal leaking");
            assertThat(entry.correlationId()).isEqualTo(event.correlationid());
            assertThat(entry.occurredAt()).isEqualTo(TestEvents.TIME);
            assertThat(entry.createdAt()).isEqualTo(NOW);
            assertThat(entry.readAt()).isNull();
            assertThat(entry.isRead()).isFalse();
        });
    }

    @Test
    void theSameEventAppliedAgainLaterYieldsTheSameEntryId() {
        CloudEvent event = TestEvents.workRequested("w-1", "u-tech-bruno");

        InboxEntry first = projection.entriesFor(event, NOW).get(0);
        InboxEntry redelivered = projection.entriesFor(event, NOW.plusSeconds(3600)).get(0);

        assertThat(redelivered.id()).isEqualTo(first.id());
    }

    @Test
    void anotherEventForTheSameWorkAndOwnerIsAnotherEntry() {
        InboxEntry first = projection.entriesFor(TestEvents.workRequested("w-1", "u-tech-bruno"), NOW).get(0);
        InboxEntry second = projection.entriesFor(TestEvents.workRequested("w-1", "u-tech-bruno"), NOW).get(0);

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void workRequestedWithoutOwnerNotifiesNobody() {
        assertThat(projection.entriesFor(TestEvents.workRequested("w-1", null), NOW)).isEmpty();
    }

    @Test
    void eventTypesWithoutARuleAreIgnored() {
        CloudEvent asset = CloudEvent.of(EventCatalog.ASSET_REGISTERED, "e-a", TestEvents.TIME, 0, null, null,
                new AssetRegistered("a-1", TestEvents.SITE, null, "P-101", "Pump", "PUMP", "A", "IN_SERVICE"));
        CloudEvent unknown = new CloudEvent("e-u", "/sites/s/permits/p-1", "io.sitework.permit.suspended.v1", "p-1", TestEvents.TIME,
                TestEvents.SITE, 3, null, null, new UnknownEvent("p-1", TestEvents.SITE, JsonNodeFactory.instance.objectNode()));

        assertThat(projection.entriesFor(TestEvents.workStarted("w-1", "u-tech-bruno"), NOW)).isEmpty();
        assertThat(projection.entriesFor(TestEvents.workCompleted("w-1"), NOW)).isEmpty();
        assertThat(projection.entriesFor(asset, NOW)).isEmpty();
        assertThat(projection.entriesFor(unknown, NOW)).isEmpty();
        assertThat(projection.handles("io.sitework.permit.suspended.v1")).isFalse();
        assertThat(projection.handles(EventCatalog.WORK_REQUESTED.type())).isTrue();
    }

    @Test
    void aNewRuleIsOneMoreClassRegisteredForItsType() {
        NotificationRule startedRule = new NotificationRule() {
            @Override
            public String eventType() {
                return EventCatalog.WORK_STARTED.type();
            }

            @Override
            public List<PlannedNotification> notificationsFor(CloudEvent event) {
                return List.of(new PlannedNotification("u-planner-anna", null, "Work started", ""));
            }
        };
        InboxProjection withStarted = new InboxProjection(List.of(new WorkRequestedRule(), startedRule));

        assertThat(withStarted.entriesFor(TestEvents.workStarted("w-1", "u-tech-bruno"), NOW))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.userId()).isEqualTo("u-planner-anna");
                    assertThat(entry.subjectId()).as("defaults to the event's subject").isEqualTo("w-1");
                });
        assertThat(withStarted.entriesFor(TestEvents.workRequested("w-1", "u-tech-bruno"), NOW)).hasSize(1);
    }

    @Test
    void twoRulesTellingTheSamePersonAboutOneEventGiveOneEntry() {
        NotificationRule another = new NotificationRule() {
            @Override
            public String eventType() {
                return EventCatalog.WORK_REQUESTED.type();
            }

            @Override
            public List<PlannedNotification> notificationsFor(CloudEvent event) {
                return List.of(new PlannedNotification("u-tech-bruno", "w-1", "Something else", ""),
                        new PlannedNotification("u-supervisor", "w-1", "FYI", ""));
            }
        };
        InboxProjection twoRules = new InboxProjection(List.of(new WorkRequestedRule(), another));

        List<InboxEntry> entries = twoRules.entriesFor(TestEvents.workRequested("w-1", "u-tech-bruno"), NOW);

        assertThat(entries).extracting(InboxEntry::userId).containsExactly("u-tech-bruno", "u-supervisor");
        assertThat(entries.get(0).title()).as("the first rule's wording wins").startsWith("New work assigned to you");
    }
}
