package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.asset.moved.v1}: an asset was moved in its site's hierarchy (never under itself or one of its descendants).
 */
public record AssetMoved(
        String assetId,
        String siteId,
        String previousParentId,
        String parentId,
        String movedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return assetId;
    }
}
