package io.sitework.context.permit.api;

import java.time.Instant;
import java.util.List;

/**
 * What is active on one asset now.
 *
 * @param permits    permits not yet ended (REQUESTED, APPROVED, ISSUED, SUSPENDED, HANDED_BACK) whose scope
 *                   or isolation points include the asset
 * @param isolations isolation points on the asset currently applied or verified, whatever their permit's status
 */
public record ActivePermitsView(String assetId, List<PermitView> permits, List<ActiveIsolation> isolations) {

    public record ActiveIsolation(String permitId, PermitType permitType, PermitStatus permitStatus, String isolationId, String point,
                                  String method, IsolationState state, String appliedBy, Instant appliedAt,
                                  String verifiedBy, Instant verifiedAt) {
    }
}
