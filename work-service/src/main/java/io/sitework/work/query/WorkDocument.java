package io.sitework.work.query;

import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one work item as folded from its events ({@link WorkFold}): stored as the work board's
 * read model (fields are mapped directly) and built on the fly for reads from the event store.
 * {@code version} is the sequence number of the last applied event, which makes the projection
 * idempotent. Query-shaped fields ({@code blocked}, {@code assigneeIds}, {@code searchText}…) are
 * kept in step by the fold.
 */
@Document("work")
public class WorkDocument {

    @Id
    public String id;
    public String siteId;
    public WorkKind kind;
    public String title;
    public String description;
    public Priority priority;
    public WorkStatus status;
    public String ownerId;
    public List<Assignee> assignees = new ArrayList<>();
    public List<String> assigneeIds = new ArrayList<>();
    public List<String> watchers = new ArrayList<>();
    public Instant dueAt;
    public Instant plannedStart;
    public Instant plannedEnd;
    public List<String> assetIds = new ArrayList<>();
    public List<PermitType> requiredPermitTypes = new ArrayList<>();
    public List<String> permitIds = new ArrayList<>();
    /** The permits covering the work, as work-service knows them from the permits' events. */
    public List<LinkedPermit> permits = new ArrayList<>();
    public List<String> dependsOn = new ArrayList<>();
    public String contractorId;
    public List<DocumentRef> documents = new ArrayList<>();
    public String originWorkId;
    public List<Blocker> blockers = new ArrayList<>();
    public boolean blocked;
    public List<BlockerType> openBlockerTypes = new ArrayList<>();
    /** When the oldest open blocker was raised: how long the work has been waiting. */
    public Instant blockedSince;
    public List<ChecklistEntry> checklist = new ArrayList<>();
    public List<Comment> comments = new ArrayList<>();
    /** Lower-cased title and description, searched with a regex (no $text: see STACK.md). */
    public String searchText;
    public String requestedBy;
    public Instant requestedAt;
    public String plannedBy;
    public Instant plannedAt;
    public String startedBy;
    public Instant startedAt;
    public String heldBy;
    public Instant heldAt;
    public String holdReason;
    public String completedBy;
    public Instant completedAt;
    public String outcome;
    public String closedBy;
    public Instant closedAt;
    public boolean closedWithOverride;
    public String overrideReason;
    public String reopenedBy;
    public Instant reopenedAt;
    public String reopenReason;
    public int reopenCount;
    public String endedBy;
    public Instant endedAt;
    public String endReason;
    public Instant overdueAt;
    public Instant updatedAt;
    public long version = -1;

    public static class Blocker {
        public String id;
        public BlockerType type;
        public String reason;
        public String reference;
        public boolean automatic;
        public String raisedBy;
        public Instant raisedAt;
        public String resolvedBy;
        public Instant resolvedAt;
        public String note;

        boolean open() {
            return resolvedAt == null;
        }
    }

    public static class ChecklistEntry {
        public String itemId;
        public String label;
        public ChecklistItemSpec.ChecklistItemType type;
        public boolean mandatory;
        public String unit;
        public BigDecimal min;
        public BigDecimal max;
        public List<String> options = new ArrayList<>();
        public List<String> failingOptions = new ArrayList<>();
        public boolean raiseFinding;
        public String value;
        public ChecklistItemSpec.Result result;
        public String note;
        public String recordedBy;
        public Instant recordedAt;
    }

    public static class LinkedPermit {
        public String permitId;
        public PermitType type;
        public String status;
        public Instant linkedAt;
        public Instant statusSince;
    }

    public static class Comment {
        public String id;
        public String text;
        public String author;
        public Instant at;
    }

    public WorkView toView(Instant now) {
        boolean active = status == WorkStatus.REQUESTED || status == WorkStatus.PLANNED
                || status == WorkStatus.IN_PROGRESS || status == WorkStatus.ON_HOLD;
        return new WorkView(id, siteId, kind, title, description, priority, status, blocked,
                status == WorkStatus.PLANNED && !blocked,
                active && dueAt != null && !dueAt.isAfter(now),
                ownerId, List.copyOf(assignees), List.copyOf(watchers), dueAt, plannedStart, plannedEnd, List.copyOf(assetIds),
                List.copyOf(requiredPermitTypes),
                permits.stream().map(p -> new WorkView.PermitView(p.permitId, p.type, p.status, p.linkedAt, p.statusSince)).toList(),
                List.copyOf(dependsOn), contractorId, List.copyOf(documents), originWorkId,
                blockers.stream().map(b -> new WorkView.BlockerView(b.id, b.type, b.reason, b.reference, b.automatic, b.raisedBy,
                        b.raisedAt, b.resolvedBy, b.resolvedAt, b.note, b.open())).toList(),
                checklist.stream().map(c -> new WorkView.ChecklistItemView(c.itemId, c.label, c.type, c.mandatory, c.unit, c.min, c.max,
                        List.copyOf(c.options), List.copyOf(c.failingOptions), c.raiseFinding, c.value, c.result, c.note, c.recordedBy,
                        c.recordedAt)).toList(),
                comments.stream().map(c -> new WorkView.CommentView(c.id, c.text, c.author, c.at)).toList(),
                new WorkView.Transitions(requestedBy, requestedAt, plannedBy, plannedAt, startedBy, startedAt, heldBy, heldAt, holdReason,
                        completedBy, completedAt, outcome, closedBy, closedAt, closedWithOverride, overrideReason, reopenedBy, reopenedAt,
                        reopenReason, reopenCount, endedBy, endedAt, endReason, overdueAt),
                updatedAt, version);
    }
}
