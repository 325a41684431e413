package io.sitework.work.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.Topics;
import io.sitework.events.work.Assignee;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.WorkEvents;
import io.sitework.work.query.WorkEventSamples;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sitework.work.query.WorkEventSamples.DUE;
import static io.sitework.work.query.WorkEventSamples.END;
import static io.sitework.work.query.WorkEventSamples.SITE;
import static io.sitework.work.query.WorkEventSamples.START;
import static io.sitework.work.query.WorkEventSamples.WORK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every domain event of work-service becomes a registered integration event whose envelope comes from
 * the stored event and whose JSON reads back to the same event.
 */
class IntegrationEventMapperTest {

    private static final Instant AT = Instant.parse("2026-11-25T07:30:00Z");
    private static final String ACTOR = "anna";

    private static GenericDomainEventMessage<Object> message(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Work", WORK, sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, ACTOR).and(CommandMetadata.CORRELATION_ID, "corr-9"), "evt-" + sequence, AT);
    }

    /** Each domain event sample (one of every type) with the integration data it must become when {@value ACTOR} caused it. */
    static List<Arguments> samples() {
        List<Object> events = WorkEventSamples.all();
        return events.stream().map(e -> Arguments.of(e.getClass().getSimpleName(), e, expected(e))).toList();
    }

    private static IntegrationEvent expected(Object domainEvent) {
        Assignee team = new Assignee("TEAM", "mech-1");
        if (domainEvent instanceof WorkEvents.WorkRequested) {
            return new io.sitework.events.work.WorkRequested(WORK, SITE, "MAINTENANCE_CORRECTIVE", "Replace pump seal",
                    "Leaking at the shaft", "HIGH", "olga", ACTOR, DUE, List.of("a-1", "a-2"), List.of("HOT_WORK"), List.of("w-0"), "c-9",
                    "w-origin", START, END);
        }
        if (domainEvent instanceof WorkEvents.WorkPlanned) {
            return new io.sitework.events.work.WorkPlanned(WORK, SITE, START, END, List.of(team), ACTOR);
        }
        if (domainEvent instanceof WorkEvents.DueDateChanged) {
            return new io.sitework.events.work.WorkDueDateChanged(WORK, SITE, DUE.plusSeconds(86_400), ACTOR);
        }
        if (domainEvent instanceof WorkEvents.WorkAssigned) {
            return new io.sitework.events.work.WorkAssigned(WORK, SITE, "bruno",
                    List.of(new Assignee("PERSON", "bruno"), new Assignee("CONTRACTOR", "c-9")), List.of("ines", "olga"), ACTOR);
        }
        if (domainEvent instanceof WorkEvents.BlockerRaised) {
            return new io.sitework.events.work.BlockerRaised(WORK, SITE, "b-1", "PARTS", "Seal kit not delivered", "PO-77", ACTOR, false);
        }
        if (domainEvent instanceof WorkEvents.BlockerResolved) {
            return new io.sitework.events.work.BlockerResolved(WORK, SITE, "b-1", "PARTS", "Kit arrived", ACTOR, false);
        }
        if (domainEvent instanceof WorkEvents.WorkStarted) {
            return new io.sitework.events.work.WorkStarted(WORK, SITE, ACTOR);
        }
        if (domainEvent instanceof WorkEvents.WorkPutOnHold) {
            return new io.sitework.events.work.WorkPutOnHold(WORK, SITE, "Waiting for the crane", ACTOR);
        }
        if (domainEvent instanceof WorkEvents.WorkResumed) {
            return new io.sitework.events.work.WorkResumed(WORK, SITE, ACTOR);
        }
        if (domainEvent instanceof WorkEvents.ChecklistItemRecorded) {
            return new io.sitework.events.work.ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "55", "Nm", "FAILED",
                    "wrench calibrated", ACTOR);
        }
        if (domainEvent instanceof WorkEvents.CommentAdded) {
            return new io.sitework.events.work.CommentAdded(WORK, SITE, "c-1", "Crane booked for Thursday", ACTOR);
        }
        if (domainEvent instanceof WorkEvents.WorkOverdue) {
            return new io.sitework.events.work.WorkOverdue(WORK, SITE, DUE.plusSeconds(86_400), "bruno");
        }
        if (domainEvent instanceof WorkEvents.WorkCompleted) {
            return new io.sitework.events.work.WorkCompleted(WORK, SITE, ACTOR, "Seal replaced");
        }
        if (domainEvent instanceof WorkEvents.WorkReopened) {
            return new io.sitework.events.work.WorkReopened(WORK, SITE, "Still leaking", ACTOR);
        }
        if (domainEvent instanceof WorkEvents.WorkClosed) {
            return new io.sitework.events.work.WorkClosed(WORK, SITE, ACTOR, true, "Checked by the supervisor");
        }
        if (domainEvent instanceof WorkEvents.WorkRejected) {
            return new io.sitework.events.work.WorkRejected(WORK, SITE, "Duplicate of w-0", ACTOR);
        }
        if (domainEvent instanceof WorkEvents.PermitLinked) {
            return new io.sitework.events.work.WorkPermitLinked(WORK, SITE, "p-1", "HOT_WORK", "APPROVED");
        }
        if (domainEvent instanceof WorkEvents.PermitStatusChanged) {
            return new io.sitework.events.work.WorkPermitStatusChanged(WORK, SITE, "p-1", "HOT_WORK", "APPROVED", "ISSUED");
        }
        if (domainEvent instanceof WorkEvents.WorkCancelled) {
            return new io.sitework.events.work.WorkCancelled(WORK, SITE, "No longer needed", ACTOR);
        }
        throw new AssertionError("no expected integration event for " + domainEvent.getClass().getName()
                + ": add one here and a mapping in IntegrationEventMapper");
    }

    @Test
    void thereIsASampleOfEveryDomainEvent() {
        WorkEventSamples.assertCoversEveryDomainEvent(WorkEventSamples.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyDomainEventBecomesARegisteredIntegrationEventWithTheEnvelopeOfTheStoredEvent(String name, Object domainEvent,
                                                                                           IntegrationEvent expected) {
        CloudEvent event = IntegrationEventMapper.toCloudEvent(message(domainEvent, 7), 7)
                .orElseThrow(() -> new AssertionError(name + " is not published"));

        EventType<?> type = EventCatalog.find(event.type()).orElseThrow(() -> new AssertionError(event.type() + " is not in the catalogue"));
        assertThat(type.dataClass()).isEqualTo(expected.getClass());
        assertThat(type.topic()).isEqualTo(Topics.WORK);
        assertThat(event.data()).isEqualTo(expected);

        assertThat(event.id()).isEqualTo("evt-7");
        assertThat(event.sequence()).isEqualTo(7);
        assertThat(event.time()).isEqualTo(AT);
        assertThat(event.actor()).isEqualTo(ACTOR);
        assertThat(event.correlationid()).isEqualTo("corr-9");
        assertThat(event.subject()).isEqualTo(WORK);
        assertThat(event.siteid()).isEqualTo(SITE);
        assertThat(event.source()).isEqualTo("/sites/s-1/work/w-1");

        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
        assertThat(CloudEventCodec.fromJson(CloudEventCodec.toJsonString(event))).isEqualTo(event);
    }

    @Test
    void everyWorkEventOfTheCatalogueHasADomainEventThatProducesIt() {
        Set<String> produced = WorkEventSamples.all().stream()
                .map(e -> IntegrationEventMapper.toCloudEvent(message(e, 1), 1).orElseThrow().type())
                .collect(Collectors.toSet());
        Set<String> catalogued = EventCatalog.all().stream().filter(t -> t.sourceCollection().equals("work")).map(EventType::type)
                .collect(Collectors.toSet());
        assertThat(produced).isEqualTo(catalogued);
    }

    @Test
    void anEventWithoutActorOrCorrelationLeavesThemOut() {
        // the overdue deadline fires with no request behind it
        WorkEvents.WorkOverdue overdue = new WorkEvents.WorkOverdue(WORK, SITE, DUE, null);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Work", WORK, 3, overdue, MetaData.emptyInstance(),
                "evt-3", DUE);

        CloudEvent event = IntegrationEventMapper.toCloudEvent(message, 3).orElseThrow();

        assertThat(event.actor()).isNull();
        assertThat(event.correlationid()).isNull();
        assertThat(CloudEventCodec.toJson(event).has("actor")).isFalse();
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
    }

    @Test
    void anOptionalFieldLeftEmptyStaysEmptyAfterTheRoundTrip() {
        WorkEvents.WorkRequested bare = new WorkEvents.WorkRequested(WORK, SITE, WorkEventSamples.requested().kind(), "Night round", null,
                WorkEventSamples.requested().priority(), null, null, null, null, null, null, null, null, null, null, null, null);
        CloudEvent event = IntegrationEventMapper.toCloudEvent(message(bare, 0), 0).orElseThrow();
        io.sitework.events.work.WorkRequested data = event.dataAs(EventCatalog.WORK_REQUESTED);
        assertThat(data.assetIds()).isEmpty();
        assertThat(data.dueAt()).isNull();
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
    }

    @Test
    void eventsWithoutAContractArePublishedAsNothing() {
        assertThat(IntegrationEventMapper.toCloudEvent(message("something internal", 3), 3)).isEmpty();
    }
}
