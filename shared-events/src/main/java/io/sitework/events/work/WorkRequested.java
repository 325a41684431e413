package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.sitework.work.requested.v1}: a piece of work was asked for on a site.
 *
 * @param kind     one of the work kinds of the catalogue (e.g. MAINTENANCE_CORRECTIVE, ROUND)
 * @param priority LOW, MEDIUM, HIGH or CRITICAL
 * @param ownerId  the accountable person, if named at request time
 * @param dueAt    when it is due, if known
 * @param assetIds the assets the work is about (may be empty)
 * @param requiredPermitTypes permit types the work needs before it may start (e.g. HOT_WORK)
 * @param dependsOn    work that must be closed or cancelled before this one can start
 * @param contractorId the contractor company doing the work, if any
 * @param originWorkId the work this one came from (e.g. a finding raised by a failed checklist reading)
 * @param plannedStart the planned window, if known at request time
 */
public record WorkRequested(
        String workId,
        String siteId,
        String kind,
        String title,
        String description,
        String priority,
        String ownerId,
        String requestedBy,
        Instant dueAt,
        List<String> assetIds,
        List<String> requiredPermitTypes,
        List<String> dependsOn,
        String contractorId,
        String originWorkId,
        Instant plannedStart,
        Instant plannedEnd) implements IntegrationEvent {

    public WorkRequested {
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        requiredPermitTypes = requiredPermitTypes == null ? List.of() : List.copyOf(requiredPermitTypes);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    @Override
    public String aggregateId() {
        return workId;
    }
}
