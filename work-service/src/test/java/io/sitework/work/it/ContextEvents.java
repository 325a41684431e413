package io.sitework.work.it;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.ContractorQualificationGranted;
import io.sitework.events.context.ContractorQualificationLapsed;
import io.sitework.events.context.ContractorRegistered;
import io.sitework.events.context.PermitApproved;
import io.sitework.events.context.PermitIssued;
import io.sitework.events.context.PermitRequested;
import io.sitework.events.context.PermitResumed;
import io.sitework.events.context.PermitSuspended;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** context-service's events as it publishes them, for tests of work-service following {@code sitework.context.v1}. */
final class ContextEvents {

    private ContextEvents() {
    }

    static CloudEvent event(EventType<?> type, long sequence, IntegrationEvent data) {
        return cloudEvent(type, UUID.randomUUID().toString(), sequence, data);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static CloudEvent cloudEvent(EventType<?> type, String id, long sequence, IntegrationEvent data) {
        return CloudEvent.of((EventType) type, id, Instant.now().truncatedTo(ChronoUnit.MILLIS), sequence, "corr-" + id, "u-pa-paul", data);
    }

    static CloudEvent permitRequested(String site, String permit, String work) {
        return event(EventCatalog.PERMIT_REQUESTED, 0, new PermitRequested(permit, site, "HOT_WORK", "REQUESTED", List.of(work), List.of(),
                List.of("flammable atmosphere"), List.of("gas test"), Instant.now(), Instant.now().plusSeconds(36_000), List.of(), "u-tech"));
    }

    static CloudEvent permitApproved(String site, String permit, String work) {
        return event(EventCatalog.PERMIT_APPROVED, 1, new PermitApproved(permit, site, "HOT_WORK", "APPROVED", List.of(work), "u-pa-paul"));
    }

    static CloudEvent permitIssued(String site, String permit, String work, long sequence) {
        return event(EventCatalog.PERMIT_ISSUED, sequence, new PermitIssued(permit, site, "HOT_WORK", "ISSUED", List.of(work), "u-pa-paul",
                "u-tech", Instant.now().plusSeconds(36_000)));
    }

    static CloudEvent permitSuspended(String site, String permit, String work, long sequence) {
        return event(EventCatalog.PERMIT_SUSPENDED, sequence, new PermitSuspended(permit, site, "HOT_WORK", "SUSPENDED", List.of(work),
                "u-pa-paul", "gas alarm in unit 2"));
    }

    static CloudEvent permitResumed(String site, String permit, String work, long sequence) {
        return event(EventCatalog.PERMIT_RESUMED, sequence, new PermitResumed(permit, site, "HOT_WORK", "ISSUED", List.of(work), "u-pa-paul"));
    }

    static CloudEvent contractorRegistered(String site, String contractor) {
        return event(EventCatalog.CONTRACTOR_REGISTERED, 0, new ContractorRegistered(contractor, site, "Rhône Valve Services", null, "u-admin"));
    }

    static CloudEvent qualificationGranted(String site, String contractor, String qualification, long sequence) {
        return event(EventCatalog.CONTRACTOR_QUALIFICATION_GRANTED, sequence,
                new ContractorQualificationGranted(contractor, site, qualification, Instant.now().plusSeconds(86_400), "u-admin"));
    }

    static CloudEvent qualificationLapsed(String site, String contractor, String qualification, long sequence) {
        return event(EventCatalog.CONTRACTOR_QUALIFICATION_LAPSED, sequence,
                new ContractorQualificationLapsed(contractor, site, qualification, "EXPIRED", "system:qualification-expiry"));
    }
}
