package io.sitework.context.publish;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.PermitEvents;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.WorkStatus;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.context.PermitEvent;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class PermitEventMapperTest {

    static final String P = "p-1";
    static final String S = "s-1";
    static final PermitType T = PermitType.HOT_WORK;
    static final List<String> WORK = List.of("w-1", "w-2");
    static final Instant FROM = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant TO = Instant.parse("2026-11-26T18:00:00Z");

    private static CloudEvent publish(Object payload, long sequence) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Permit", P, sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, "paul").and(CommandMetadata.CORRELATION_ID, "c-7"), "evt-" + sequence,
                Instant.parse("2026-11-25T09:00:00Z"));
        CloudEvent event = IntegrationEventMapper.toCloudEvent(message, sequence).orElseThrow();
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).as("round trip").isEqualTo(event);
        return event;
    }

    /** The envelope and what every permit event carries: type, status after the event, work. */
    private static <E extends PermitEvent> void check(Object payload, EventType<E> type, String status, Consumer<E> more) {
        CloudEvent event = publish(payload, 3);
        assertThat(event.type()).isEqualTo(type.type());
        assertThat(event.id()).isEqualTo("evt-3");
        assertThat(event.source()).isEqualTo("/sites/s-1/permits/p-1");
        assertThat(event.subject()).isEqualTo(P);
        assertThat(event.siteid()).isEqualTo(S);
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.actor()).isEqualTo("paul");
        assertThat(event.correlationid()).isEqualTo("c-7");
        E data = event.dataAs(type);
        assertThat(data.permitId()).isEqualTo(P);
        assertThat(data.permitType()).isEqualTo("HOT_WORK");
        assertThat(data.status()).isEqualTo(status);
        assertThat(data.workIds()).containsExactly("w-1", "w-2");
        more.accept(data);
    }

    @Test
    void aRequestCarriesItsScopeHazardsWindowAndPlannedIsolations() {
        check(new PermitEvents.PermitRequested(P, S, T, WORK, List.of("a-1"), List.of("Fire"), List.of("Fire watch"), FROM, TO,
                        List.of(new IsolationPoint("i-1", "Gas valve", "LOCK_OUT_TAG_OUT", "a-1")), "rita", List.of()),
                EventCatalog.PERMIT_REQUESTED, "REQUESTED", d -> {
                    assertThat(d.assetIds()).containsExactly("a-1");
                    assertThat(d.hazards()).containsExactly("Fire");
                    assertThat(d.controls()).containsExactly("Fire watch");
                    assertThat(d.validFrom()).isEqualTo(FROM);
                    assertThat(d.validTo()).isEqualTo(TO);
                    assertThat(d.isolations()).containsExactly(
                            new io.sitework.events.context.IsolationPoint("i-1", "Gas valve", "LOCK_OUT_TAG_OUT", "a-1"));
                    assertThat(d.requestedBy()).isEqualTo("rita");
                });
    }

    @Test
    void decisionsOfThePermitAuthorityNameWhoTookThem() {
        check(new PermitEvents.PermitApproved(P, S, T, WORK, "paul"), EventCatalog.PERMIT_APPROVED, "APPROVED",
                d -> assertThat(d.approvedBy()).isEqualTo("paul"));
        check(new PermitEvents.PermitRejected(P, S, T, WORK, "paul", "Unclear"), EventCatalog.PERMIT_REJECTED, "REJECTED", d -> {
            assertThat(d.rejectedBy()).isEqualTo("paul");
            assertThat(d.reason()).isEqualTo("Unclear");
        });
        check(new PermitEvents.PermitIssued(P, S, T, WORK, "paul", "hugo", TO), EventCatalog.PERMIT_ISSUED, "ISSUED", d -> {
            assertThat(d.issuedBy()).isEqualTo("paul");
            assertThat(d.holderId()).isEqualTo("hugo");
            assertThat(d.validTo()).isEqualTo(TO);
        });
        check(new PermitEvents.PermitSuspended(P, S, T, WORK, "paul", "Gas alarm"), EventCatalog.PERMIT_SUSPENDED, "SUSPENDED", d -> {
            assertThat(d.suspendedBy()).isEqualTo("paul");
            assertThat(d.reason()).isEqualTo("Gas alarm");
        });
        check(new PermitEvents.PermitResumed(P, S, T, WORK, "paul"), EventCatalog.PERMIT_RESUMED, "ISSUED",
                d -> assertThat(d.resumedBy()).isEqualTo("paul"));
        check(new PermitEvents.PermitClosed(P, S, T, WORK, "paul"), EventCatalog.PERMIT_CLOSED, "CLOSED",
                d -> assertThat(d.closedBy()).isEqualTo("paul"));
        check(new PermitEvents.PermitCancelled(P, S, T, WORK, "rita", "Postponed"), EventCatalog.PERMIT_CANCELLED, "CANCELLED", d -> {
            assertThat(d.cancelledBy()).isEqualTo("rita");
            assertThat(d.reason()).isEqualTo("Postponed");
        });
    }

    @Test
    void isolationEventsCarryThePointAndThePermitsStatusAtTheTime() {
        check(new PermitEvents.IsolationApplied(P, S, T, WORK, PermitStatus.SUSPENDED, List.of("a-1"), "i-1", "Gas valve", "BLIND", "a-2",
                "ivan"), EventCatalog.PERMIT_ISOLATION_APPLIED, "SUSPENDED", d -> {
                    assertThat(d.isolationId()).isEqualTo("i-1");
                    assertThat(d.point()).isEqualTo("Gas valve");
                    assertThat(d.assetId()).isEqualTo("a-2");
                    assertThat(d.by()).isEqualTo("ivan");
                });
        check(new PermitEvents.IsolationVerified(P, S, T, WORK, PermitStatus.APPROVED, "i-1", "Gas valve", "BLIND", null, "vera"),
                EventCatalog.PERMIT_ISOLATION_VERIFIED, "APPROVED", d -> {
                    assertThat(d.by()).isEqualTo("vera");
                    assertThat(d.assetId()).isNull();
                });
        check(new PermitEvents.IsolationRemoved(P, S, T, WORK, PermitStatus.EXPIRED, List.of(), "i-1", "Gas valve", "BLIND", null, "ivan"),
                EventCatalog.PERMIT_ISOLATION_REMOVED, "EXPIRED", d -> assertThat(d.by()).isEqualTo("ivan"));
    }

    @Test
    void theEndOfTheWorkAndOfThePermit() {
        check(new PermitEvents.PermitReadyForHandBack(P, S, T, WORK, PermitStatus.ISSUED, "hugo"), EventCatalog.PERMIT_READY_FOR_HANDBACK,
                "ISSUED", d -> assertThat(d.holderId()).isEqualTo("hugo"));
        check(new PermitEvents.PermitHandedBack(P, S, T, WORK, "hugo"), EventCatalog.PERMIT_HANDED_BACK, "HANDED_BACK",
                d -> assertThat(d.handedBackBy()).isEqualTo("hugo"));
        check(new PermitEvents.PermitExpired(P, S, T, WORK, TO), EventCatalog.PERMIT_EXPIRED, "EXPIRED",
                d -> assertThat(d.validTo()).isEqualTo(TO));
    }

    @Test
    void linkedWorkStatusesAreContextServicesOwnBookkeepingAndNotPublished() {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Permit", P, 4,
                new PermitEvents.LinkedWorkStatusRecorded(P, S, T, WORK, "w-1", WorkStatus.DONE, 7), MetaData.emptyInstance());
        assertThat(IntegrationEventMapper.toCloudEvent(message, 4)).isEmpty();
    }
}
