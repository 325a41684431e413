package io.sitework.work.api;

import io.sitework.support.domain.SiteScoped;

import java.time.Instant;
import java.util.List;

/**
 * The Work aggregate's domain events: private to work-service, stored in its event store. Who did it
 * and under which correlation id travel in the event metadata. They may evolve with upcasters (new
 * fields are read as null by older code paths); the public contract is the integration events of
 * shared-events.
 */
public final class WorkEvents {

    private WorkEvents() {
    }

    public record WorkRequested(
            String workId,
            String siteId,
            WorkKind kind,
            String title,
            String description,
            Priority priority,
            String ownerId,
            Instant dueAt,
            List<String> assetIds,
            Instant plannedStart,
            Instant plannedEnd,
            List<PermitType> requiredPermitTypes,
            List<String> dependsOn,
            String contractorId,
            List<ChecklistItemSpec> checklist,
            List<String> watchers,
            List<DocumentRef> documents,
            String originWorkId) implements SiteScoped {

        public WorkRequested {
            assetIds = copy(assetIds);
            requiredPermitTypes = copy(requiredPermitTypes);
            dependsOn = copy(dependsOn);
            checklist = copy(checklist);
            watchers = copy(watchers);
            documents = copy(documents);
        }
    }

    public record WorkPlanned(String workId, String siteId, Instant plannedStart, Instant plannedEnd, List<Assignee> assignees) {
        public WorkPlanned {
            assignees = copy(assignees);
        }
    }

    public record DueDateChanged(String workId, String siteId, Instant dueAt) {
    }

    public record WorkAssigned(String workId, String siteId, String ownerId, List<Assignee> assignees, List<String> watchers) {
        public WorkAssigned {
            assignees = copy(assignees);
            watchers = copy(watchers);
        }
    }

    public record WorkStarted(String workId, String siteId) {
    }

    public record WorkPutOnHold(String workId, String siteId, String reason) {
    }

    public record WorkResumed(String workId, String siteId) {
    }

    public record WorkCompleted(String workId, String siteId, String outcome) {
    }

    public record WorkClosed(String workId, String siteId, boolean override, String overrideReason) {
    }

    public record WorkReopened(String workId, String siteId, String reason) {
    }

    public record WorkRejected(String workId, String siteId, String reason) {
    }

    public record WorkCancelled(String workId, String siteId, String reason) {
    }

    public record BlockerRaised(String workId, String siteId, String blockerId, BlockerType type, String reason, String reference,
                                boolean automatic) {
    }

    public record BlockerResolved(String workId, String siteId, String blockerId, BlockerType type, String note, boolean automatic) {
    }

    /** Carries the item's label and unit, so the event reads on its own in the history and downstream. */
    /** @param raiseFinding a failed result of this item asks for an INSPECTION_FINDING work item */
    public record ChecklistItemRecorded(String workId, String siteId, String itemId, String label, String value, String unit,
                                        ChecklistItemSpec.Result result, String note, boolean raiseFinding) {
    }

    public record CommentAdded(String workId, String siteId, String commentId, String text) {
    }

    public record WorkOverdue(String workId, String siteId, Instant dueAt, String ownerId) {
    }

    /**
     * A permit to work now covers this work: work-service learnt it from the permit's own events.
     *
     * @param sequence the permit's event sequence this is based on (later ones win; repeats change nothing)
     */
    public record PermitLinked(String workId, String siteId, String permitId, PermitType permitType, String status, long sequence) {
    }

    /** A linked permit changed status (e.g. SUSPENDED, or ISSUED again). */
    public record PermitStatusChanged(String workId, String siteId, String permitId, PermitType permitType, String previousStatus,
                                      String status, long sequence) {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
