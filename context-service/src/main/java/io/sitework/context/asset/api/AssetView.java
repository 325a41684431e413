package io.sitework.context.asset.api;

import java.time.Instant;
import java.util.List;

/**
 * @param underlyingStatus while ISOLATED: the status the asset returns to when its last isolation is removed (else absent)
 * @param isolations       the permits' isolations applied to the asset now
 */
public record AssetView(
        String id,
        String siteId,
        String parentId,
        String tag,
        String name,
        String assetClass,
        Criticality criticality,
        AssetStatus status,
        AssetStatus underlyingStatus,
        List<IsolationRef> isolations,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt,
        long version) {
}
