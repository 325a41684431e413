package io.sitework.work.api;

import java.time.Instant;
import java.util.List;

/**
 * What a client sees of one work item. {@code version} is the sequence number of the last event
 * applied: the value of the ETag and of If-Match. {@code blocked} is true while a blocker is open;
 * {@code ready} is derived, never chosen: PLANNED and not blocked.
 */
public record WorkView(
        String id,
        String siteId,
        WorkKind kind,
        String title,
        String description,
        Priority priority,
        WorkStatus status,
        boolean blocked,
        boolean ready,
        boolean overdue,
        String ownerId,
        List<Assignee> assignees,
        List<String> watchers,
        Instant dueAt,
        Instant plannedStart,
        Instant plannedEnd,
        List<String> assetIds,
        List<PermitType> requiredPermitTypes,
        List<PermitView> permits,
        List<String> dependsOn,
        String contractorId,
        List<DocumentRef> documents,
        String originWorkId,
        List<BlockerView> blockers,
        List<ChecklistItemView> checklist,
        List<CommentView> comments,
        Transitions transitions,
        Instant updatedAt,
        long version) {

    /** A permit covering the work, with its status as work-service last heard it. */
    public record PermitView(String permitId, PermitType type, String status, Instant linkedAt, Instant statusSince) {
    }

    public record BlockerView(String id, BlockerType type, String reason, String reference, boolean automatic,
                              String raisedBy, Instant raisedAt, String resolvedBy, Instant resolvedAt, String note, boolean open) {
    }

    public record ChecklistItemView(String itemId, String label, ChecklistItemSpec.ChecklistItemType type, boolean mandatory,
                                    String unit, java.math.BigDecimal min, java.math.BigDecimal max, List<String> options,
                                    List<String> failingOptions, boolean raiseFinding,
                                    String value, ChecklistItemSpec.Result result, String note, String recordedBy, Instant recordedAt) {
    }

    public record CommentView(String id, String text, String author, Instant at) {
    }

    /** Who moved the work through its lifecycle, when, and why where a reason is required. */
    public record Transitions(String requestedBy, Instant requestedAt, String plannedBy, Instant plannedAt,
                              String startedBy, Instant startedAt, String heldBy, Instant heldAt, String holdReason,
                              String completedBy, Instant completedAt, String outcome,
                              String closedBy, Instant closedAt, boolean closedWithOverride, String overrideReason,
                              String reopenedBy, Instant reopenedAt, String reopenReason, int reopenCount,
                              String endedBy, Instant endedAt, String endReason, Instant overdueAt) {
    }
}
