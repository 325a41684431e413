package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.contractor.registered.v1}: a contractor company was registered on a site.
 */
public record ContractorRegistered(
        String contractorId,
        String siteId,
        String name,
        String contactEmail,
        String registeredBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return contractorId;
    }
}
