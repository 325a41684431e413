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

    /**
     * A permit's isolation point on this asset was applied: the asset shows ISOLATED while any
     * isolation on it is applied. Idempotent per (permit, isolation).
     */
    public record ApplyIsolation(@TargetAggregateIdentifier String assetId, String permitId, String isolationId) {
    }

    /** The isolation was removed; when none is left the asset returns to the status it had before. Idempotent. */
    public record RemoveIsolation(@TargetAggregateIdentifier String assetId, String permitId, String isolationId) {
    }
}
