package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;

/**
 * {@code io.sitework.contractor.qualification_granted.v1}: a contractor holds a qualification (e.g. HOT_WORK, ELECTRICAL) until validUntil (absent: no end).
 */
public record ContractorQualificationGranted(
        String contractorId,
        String siteId,
        String qualification,
        Instant validUntil,
        String grantedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return contractorId;
    }
}
