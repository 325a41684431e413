package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.contractor.qualification_lapsed.v1}: a contractor's qualification no longer holds: EXPIRED at the end of its validity, or REVOKED by a person.
 */
public record ContractorQualificationLapsed(
        String contractorId,
        String siteId,
        String qualification,
        String reason,
        String lapsedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return contractorId;
    }
}
