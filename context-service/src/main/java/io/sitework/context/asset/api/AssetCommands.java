package io.sitework.context.asset.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class AssetCommands {

    private AssetCommands() {
    }

    /** @param parentId the parent in the site's hierarchy (area, unit…), or null for a top-level asset */
    public record RegisterAsset(
            @TargetAggregateIdentifier String assetId,
            String siteId,
            String parentId,
            String tag,
            String name,
            String assetClass,
            Criticality criticality) {
    }
}
