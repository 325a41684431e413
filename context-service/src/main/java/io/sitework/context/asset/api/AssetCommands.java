package io.sitework.context.asset.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The commands of the Asset aggregate. Commands a person sends on an existing asset carry
 * {@code expectedVersion} (the caller's If-Match), or null to act on the latest.
 */
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

    /** Moves the asset (with everything under it) under another parent of the same site, or to the top level (null). */
    public record MoveAsset(@TargetAggregateIdentifier String assetId, @TargetAggregateVersion Long expectedVersion, String parentId) {
    }

    /**
     * A person sets the status: IN_SERVICE, OUT_OF_SERVICE or DECOMMISSIONED (final), with a reason. ISOLATED
     * only follows permits' isolations; while isolated, this sets the status the asset returns to.
     */
    public record ChangeAssetStatus(@TargetAggregateIdentifier String assetId, @TargetAggregateVersion Long expectedVersion,
                                    AssetStatus status, String reason) {
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
