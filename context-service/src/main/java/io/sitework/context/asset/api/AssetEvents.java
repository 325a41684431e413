package io.sitework.context.asset.api;

import io.sitework.support.domain.SiteScoped;

/** The Asset aggregate's private domain events; the public contract lives in shared-events. */
public final class AssetEvents {

    private AssetEvents() {
    }

    /** Every event of an asset: the tree projection and the event-store reads fold them all. */
    public interface AssetEvent extends SiteScoped {
        String assetId();
    }

    public record AssetRegistered(
            String assetId,
            String siteId,
            String parentId,
            String tag,
            String name,
            String assetClass,
            Criticality criticality,
            AssetStatus status) implements AssetEvent {
    }

    /** @param parentId the new parent, or null for the top level of the site */
    public record AssetMoved(String assetId, String siteId, String previousParentId, String parentId) implements AssetEvent {
    }

    /**
     * The status people see changed: set by a person (with their reason), or to and from ISOLATED as a permit's
     * isolations were applied and removed ({@code permitId} names the permit).
     */
    public record AssetStatusChanged(String assetId, String siteId, AssetStatus previousStatus, AssetStatus status, String reason,
                                     String permitId) implements AssetEvent {
    }

    /**
     * While the asset is ISOLATED, a person changed the status it returns to when its last isolation is removed;
     * the status people see stays ISOLATED.
     */
    public record UnderlyingStatusChanged(String assetId, String siteId, AssetStatus previousStatus, AssetStatus status,
                                          String reason) implements AssetEvent {
    }

    /** An isolation of a permit was applied to the asset. */
    public record AssetIsolationAdded(String assetId, String siteId, String permitId, String isolationId) implements AssetEvent {
    }

    /** An isolation of a permit was removed from the asset. */
    public record AssetIsolationRemoved(String assetId, String siteId, String permitId, String isolationId) implements AssetEvent {
    }
}
