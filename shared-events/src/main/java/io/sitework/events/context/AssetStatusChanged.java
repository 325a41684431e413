package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.asset.status_changed.v1}: an asset's status changed: by a person (with a reason), or to and from ISOLATED while isolations of a permit are applied (permitId names it).
 */
public record AssetStatusChanged(
        String assetId,
        String siteId,
        String previousStatus,
        String status,
        String reason,
        String permitId,
        String changedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return assetId;
    }
}
