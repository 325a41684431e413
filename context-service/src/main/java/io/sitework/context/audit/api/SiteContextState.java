package io.sitework.context.audit.api;

import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.permit.api.IsolationState;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;

import java.time.Instant;
import java.util.List;

/**
 * What protected people and plant on a site at one instant, rebuilt from the event store for an auditor:
 * the permits in force (issued or suspended), the isolations in place, and the assets out of use.
 */
public record SiteContextState(String siteId, Instant asOf, List<Permit> permits, List<Isolation> isolations, List<Asset> assets) {

    public record Permit(String id, PermitType type, PermitStatus status, String holderId, List<String> workIds, Instant validTo) {
    }

    /** An isolation applied (or verified) and not yet removed; whichever permit it belongs to, ended or not. */
    public record Isolation(String permitId, String isolationId, String point, String assetId, IsolationState state,
                            String appliedBy, Instant appliedAt) {
    }

    public record Asset(String id, String tag, String name, AssetStatus status) {
    }
}
