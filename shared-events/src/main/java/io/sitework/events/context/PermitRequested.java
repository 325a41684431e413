package io.sitework.events.context;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.sitework.permit.requested.v1}: a permit to work was asked for: scope, hazards and controls, planned isolation points, validity window.
 */
public record PermitRequested(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        List<String> assetIds,
        List<String> hazards,
        List<String> controls,
        Instant validFrom,
        Instant validTo,
        List<IsolationPoint> isolations,
        String requestedBy) implements PermitEvent {

    public PermitRequested {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        hazards = hazards == null ? List.of() : List.copyOf(hazards);
        controls = controls == null ? List.of() : List.copyOf(controls);
        isolations = isolations == null ? List.of() : List.copyOf(isolations);
    }
}
