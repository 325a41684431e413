package io.sitework.context.asset.api;

import java.time.Instant;

public record AssetView(
        String id,
        String siteId,
        String parentId,
        String tag,
        String name,
        String assetClass,
        Criticality criticality,
        AssetStatus status,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt,
        long version) {
}
