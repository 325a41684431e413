package io.sitework.context.asset.api;

import io.sitework.support.domain.SiteScoped;

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
            AssetStatus status) implements SiteScoped {
    }
}
