package io.sitework.context.asset.api;

/** The Asset aggregate's private domain events; the public contract lives in shared-events. */
public final class AssetEvents {

    private AssetEvents() {
    }

    public record AssetRegistered(
            String assetId,
            String siteId,
            String parentId,
            String tag,
            String name,
            String assetClass,
            Criticality criticality,
            AssetStatus status) {
    }
}
