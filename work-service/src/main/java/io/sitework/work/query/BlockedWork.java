package io.sitework.work.query;

import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;

import java.time.Instant;
import java.util.List;

/**
 * One row of the blocked board: one open blocker of one open work item — what is waiting
 * ({@code workId}, {@code title}…), on what ({@code blocker}), since when ({@code waitingSince}, the
 * blocker's raising) and on whom ({@code onWhom}).
 */
public record BlockedWork(String workId, String title, WorkKind kind, Priority priority, WorkStatus status, String siteId,
                          String ownerId, List<Assignee> assignees, Instant dueAt, Blocker blocker, Instant waitingSince,
                          OnWhom onWhom) {

    public record Blocker(String id, BlockerType type, String reason, String reference, String raisedBy, Instant raisedAt,
                          boolean automatic) {
    }

    /**
     * Who or what must move for the blocker to clear.
     * <ul>
     *   <li>{@code WORK}: an OTHER_WORK blocker with a reference waits on that (predecessor) work item;
     *       {@code title} and {@code status} are given when the caller may read the predecessor's site.</li>
     *   <li>{@code CONTRACTOR}: a CONTRACTOR blocker of work with a contractor waits on that contractor.</li>
     *   <li>{@code PERSON}: any other blocker waits on the work's owner, who is accountable for getting it
     *       unblocked; on the person who raised the blocker when the work has no owner.</li>
     * </ul>
     * Absent when none of these is known (ownerless work blocked by Sitework itself).
     */
    public record OnWhom(Kind type, String id, String title, WorkStatus status) {

        public enum Kind {
            WORK, CONTRACTOR, PERSON
        }

        /** How Sitework's own actors are named ({@code system:permits}…): never a person anything waits on. */
        public static final String SYSTEM_ACTOR = "system:";

        /** Whom a blocker of the given work waits on, by the rules above (predecessor details not yet known). */
        public static OnWhom of(BlockerType type, String reference, String ownerId, String contractorId, String raisedBy) {
            if (type == BlockerType.OTHER_WORK && reference != null) {
                return new OnWhom(Kind.WORK, reference, null, null);
            }
            if (type == BlockerType.CONTRACTOR && contractorId != null) {
                return new OnWhom(Kind.CONTRACTOR, contractorId, null, null);
            }
            if (ownerId != null) {
                return new OnWhom(Kind.PERSON, ownerId, null, null);
            }
            if (raisedBy != null && !raisedBy.startsWith(SYSTEM_ACTOR)) {
                return new OnWhom(Kind.PERSON, raisedBy, null, null);
            }
            return null;
        }

        OnWhom withWork(String title, WorkStatus status) {
            return new OnWhom(type, id, title, status);
        }
    }
}
