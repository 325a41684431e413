package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.asset.registered.v1}: an asset was added to a site's hierarchy.
 *
 * @param parentId    the parent asset, or null for a top-level asset of the site
 * @param tag         the site-unique tag (e.g. P-101)
 * @param assetClass  e.g. PUMP, VALVE, AREA
 * @param criticality A (highest), B or C
 * @param status      IN_SERVICE, OUT_OF_SERVICE, ISOLATED or DECOMMISSIONED
 */
public record AssetRegistered(
        String assetId,
        String siteId,
        String parentId,
        String tag,
        String name,
        String assetClass,
        String criticality,
        String status) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return assetId;
    }
}
