package io.sitework.context.permit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * The commands of the Permit aggregate: one record per message, the permit id first. Who sends a
 * command travels in its metadata (the actor), not in the command: the aggregate's rules about
 * people (no self-approval, no self-verification) use it. Commands from a person carry
 * {@code expectedVersion} (the caller's If-Match), or null to act on the latest.
 */
public final class PermitCommands {

    private PermitCommands() {
    }

    /** @param isolations the planned isolation points, their ids already chosen (by the server) */
    public record RequestPermit(
            @TargetAggregateIdentifier String permitId,
            String siteId,
            PermitType type,
            List<String> workIds,
            List<String> assetIds,
            List<String> hazards,
            List<String> controls,
            Instant validFrom,
            Instant validTo,
            List<IsolationPoint> isolations) {
    }

    public record ApprovePermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RejectPermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    /** @param holderId who holds the permit while work is done under it; null: the requester */
    public record IssuePermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion, String holderId) {
    }

    public record SuspendPermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record ResumePermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record HandBackPermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ClosePermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CancelPermit(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record ApplyIsolationPoint(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion,
                                      String isolationId) {
    }

    public record VerifyIsolationPoint(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion,
                                       String isolationId) {
    }

    public record RemoveIsolationPoint(@TargetAggregateIdentifier String permitId, @TargetAggregateVersion Long expectedVersion,
                                       String isolationId) {
    }

    /**
     * Context-service learnt a new status of a work item the permit covers (sent by the work status
     * view). Idempotent: a status at or below the sequence the permit knows changes nothing.
     */
    public record RecordLinkedWorkStatus(@TargetAggregateIdentifier String permitId, String workId, WorkStatus status, long sequence) {
    }
}
