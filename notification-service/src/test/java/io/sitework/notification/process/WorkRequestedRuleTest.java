package io.sitework.notification.process;

import io.sitework.support.kafka.consumer.UnprocessableEventException;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkRequested;
import io.sitework.notification.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkRequestedRuleTest {

    private final WorkRequestedRule rule = new WorkRequestedRule();

    @Test
    void reactsToWorkRequested() {
        assertThat(rule.eventType()).isEqualTo("io.sitework.work.requested.v1");
    }

    @Test
    void tellsTheOwnerThatTheWorkIsAssignedToThem() {
        CloudEvent event = TestEvents.workRequested("w-1", "u-tech-bruno");

        List<PlannedNotification> planned = rule.notificationsFor(event);

        assertThat(planned).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo("u-tech-bruno");
            assertThat(n.subjectId()).isEqualTo("w-1");
            assertThat(n.title()).isEqualTo("New work assigned to you: Replace mechanical seal on P-101");
            assertThat(n.body()).isEqualTo("MAINTENANCE_CORRECTIVE, priority HIGH, due 2026-11-26T16:00:00Z, requested by u-planner-anna."
                    + "\n\nSeal leaking since night shift; pump on standby");
        });
    }

    @Test
    void notifiesNobodyWhenNoOwnerIsNamed() {
        assertThat(rule.notificationsFor(TestEvents.workRequested("w-1", null))).isEmpty();
        assertThat(rule.notificationsFor(TestEvents.workRequested("w-1", "  "))).isEmpty();
    }

    @Test
    void copesWithOnlyTheRequiredFields() {
        CloudEvent event = CloudEvent.of(EventCatalog.WORK_REQUESTED, "e-1", TestEvents.TIME, 0, null, null,
                new WorkRequested("w-9", TestEvents.SITE, null, null, null, null, "u-bruno", null, null, null, null, null, null, null,
                        null, null));

        assertThat(rule.notificationsFor(event)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("New work assigned to you: work w-9");
            assertThat(n.body()).isEmpty();
        });
    }

    @Test
    void refusesAnEventWithoutWorkIdAsUnprocessable() {
        CloudEvent event = new CloudEvent("e-1", "/sites/s/work/w", EventCatalog.WORK_REQUESTED.type(), "w", TestEvents.TIME,
                TestEvents.SITE, 0, null, null, TestEvents.workRequestedData(null, "u-bruno"));

        assertThatThrownBy(() -> rule.notificationsFor(event))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("e-1")
                .hasMessageContaining("workId");
    }
}
