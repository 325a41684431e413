package io.sitework.context.contractor.api;

import io.sitework.support.domain.SiteScoped;

import java.time.Instant;

/** The Contractor aggregate's private domain events; the public contract lives in shared-events. */
public final class ContractorEvents {

    private ContractorEvents() {
    }

    /** Every event of a contractor: the contractors projection and the event-store reads fold them all. */
    public interface ContractorEvent extends SiteScoped {
        String contractorId();
    }

    public record ContractorRegistered(String contractorId, String siteId, String name, String contactEmail) implements ContractorEvent {
    }

    /** Granted or renewed; {@code validUntil} null: it holds until revoked. */
    public record QualificationGranted(String contractorId, String siteId, String qualification, Instant validUntil)
            implements ContractorEvent {
    }

    /** @param note the person's reason for a revocation; null for an expiry */
    public record QualificationLapsed(String contractorId, String siteId, String qualification, LapseReason reason, String note)
            implements ContractorEvent {
    }
}
