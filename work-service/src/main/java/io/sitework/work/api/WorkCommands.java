package io.sitework.work.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * The commands of the Work aggregate: one record per message, the aggregate id first. Commands on
 * existing work carry {@code expectedVersion} (the caller's If-Match), or null to act on the latest.
 */
public final class WorkCommands {

    private WorkCommands() {
    }

    public record RequestWork(
            @TargetAggregateIdentifier String workId,
            String siteId,
            WorkKind kind,
            String title,
            String description,
            Priority priority,
            String ownerId,
            Instant dueAt,
            Instant plannedStart,
            Instant plannedEnd,
            List<String> assetIds,
            List<PermitType> requiredPermitTypes,
            List<String> dependsOn,
            String contractorId,
            List<ChecklistItemSpec> checklist,
            List<String> watchers,
            List<DocumentRef> documents,
            String originWorkId) {
    }

    /** Plans (or re-plans) the window and who carries the work out; {@code dueAt} null keeps the due date. */
    public record PlanWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion,
                           Instant plannedStart, Instant plannedEnd, List<Assignee> assignees, Instant dueAt) {
    }

    /** Replaces the owner, the assignees and the watchers. */
    public record AssignWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion,
                             String ownerId, List<Assignee> assignees, List<String> watchers) {
    }

    public record StartWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record HoldWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record ResumeWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CompleteWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String outcome) {
    }

    /**
     * Verifies done work and closes it. Missing or failed evidence is refused unless {@code override}
     * with a reason by someone allowed to override (a supervisor: {@code overrideAllowed}).
     */
    public record CloseWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion,
                            boolean override, String overrideReason, boolean overrideAllowed) {
    }

    public record ReopenWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record RejectWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    public record CancelWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String reason) {
    }

    /** @param automatic raised by Sitework itself; a repeat of an open automatic blocker changes nothing */
    public record RaiseBlocker(@TargetAggregateIdentifier String workId, String blockerId, BlockerType type, String reason,
                               String reference, boolean automatic) {
    }

    /** @param automatic resolved by Sitework itself; resolving an already resolved blocker then changes nothing */
    public record ResolveBlocker(@TargetAggregateIdentifier String workId, String blockerId, String note, boolean automatic) {
    }

    /**
     * What a permit covering this work now says, from the permit's event on {@code sitework.context.v1}.
     * Sent by work-service itself; a repeat or an older sequence changes nothing.
     */
    public record RecordPermitStatus(@TargetAggregateIdentifier String workId, String siteId, String permitId, PermitType permitType,
                                     String status, long sequence) {
    }

    public record RecordChecklistItem(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion,
                                      String itemId, String value, String note) {
    }

    public record AddComment(@TargetAggregateIdentifier String workId, String commentId, String text) {
    }
}
