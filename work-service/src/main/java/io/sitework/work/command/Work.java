package io.sitework.work.command;

import io.sitework.support.axon.Deadlines;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.NotFoundException;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.WorkCommands.AddComment;
import io.sitework.work.api.WorkCommands.AssignWork;
import io.sitework.work.api.WorkCommands.CancelWork;
import io.sitework.work.api.WorkCommands.CloseWork;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.HoldWork;
import io.sitework.work.api.WorkCommands.PlanWork;
import io.sitework.work.api.WorkCommands.RaiseBlocker;
import io.sitework.work.api.WorkCommands.RecordChecklistItem;
import io.sitework.work.api.WorkCommands.RecordPermitStatus;
import io.sitework.work.api.WorkCommands.RejectWork;
import io.sitework.work.api.WorkCommands.ReopenWork;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkCommands.ResolveBlocker;
import io.sitework.work.api.WorkCommands.ResumeWork;
import io.sitework.work.api.WorkCommands.StartWork;
import io.sitework.work.api.WorkEvents.BlockerRaised;
import io.sitework.work.api.WorkEvents.BlockerResolved;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkEvents.CommentAdded;
import io.sitework.work.api.WorkEvents.DueDateChanged;
import io.sitework.work.api.WorkEvents.PermitLinked;
import io.sitework.work.api.WorkEvents.PermitStatusChanged;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkOverdue;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkPutOnHold;
import io.sitework.work.api.WorkEvents.WorkRejected;
import io.sitework.work.api.WorkEvents.WorkReopened;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkResumed;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sitework.work.api.WorkStatus.CANCELLED;
import static io.sitework.work.api.WorkStatus.CLOSED;
import static io.sitework.work.api.WorkStatus.DONE;
import static io.sitework.work.api.WorkStatus.IN_PROGRESS;
import static io.sitework.work.api.WorkStatus.ON_HOLD;
import static io.sitework.work.api.WorkStatus.PLANNED;
import static io.sitework.work.api.WorkStatus.REJECTED;
import static io.sitework.work.api.WorkStatus.REQUESTED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A piece of site work: REQUESTED → PLANNED → IN_PROGRESS ⇄ ON_HOLD → DONE → CLOSED, with REJECTED and
 * CANCELLED as ends and DONE → IN_PROGRESS as a reopen. Blockers are orthogonal to the status: work
 * with an open blocker cannot start, resume or complete. Guards live in the command handlers and say
 * why they refuse; state changes only in the event sourcing handlers.
 */
@Aggregate(snapshotTriggerDefinition = "workSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Work {

    static final String OVERDUE_DEADLINE = "work-overdue";
    private static final Set<WorkStatus> ENDED = EnumSet.of(CLOSED, REJECTED, CANCELLED);
    private static final Set<WorkStatus> OPEN_FOR_BLOCKERS = EnumSet.of(REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD);
    /** Work under way: a permit that stops holding (suspended, expired) blocks it. */
    private static final Set<WorkStatus> UNDER_WAY = EnumSet.of(IN_PROGRESS, ON_HOLD);
    /** Permit statuses that stop the work under the permit. */
    private static final Set<String> PERMIT_STOPS_WORK = Set.of("SUSPENDED", "EXPIRED");
    private static final String PERMIT_ISSUED = "ISSUED";

    @AggregateIdentifier
    private String workId;
    private String siteId;
    private WorkStatus status;
    private Instant dueAt;
    private String ownerId;
    private boolean overdueRaised;
    private Map<String, ChecklistItemSpec> checklist = new LinkedHashMap<>();
    private Map<String, ChecklistItemSpec.Result> results = new LinkedHashMap<>();
    private Map<String, OpenBlocker> openBlockers = new LinkedHashMap<>();
    private Set<String> resolvedBlockers = new HashSet<>();
    private List<PermitType> requiredPermitTypes = new ArrayList<>();
    private Map<String, LinkedPermit> permits = new LinkedHashMap<>();

    /** What the aggregate remembers of an open blocker: enough to say what blocks the work. */
    record OpenBlocker(BlockerType type, String reason, String reference, boolean automatic) {
    }

    /** What work-service knows of a permit covering this work, from the permit's events. */
    record LinkedPermit(PermitType type, String status, long sequence) {
    }

    protected Work() {
        // for Axon
    }

    @CommandHandler
    public Work(RequestWork command, DeadlineManager deadlines) {
        WorkRules.validateRequest(command);
        apply(new WorkRequested(command.workId(), command.siteId(), command.kind(), command.title().strip(),
                WorkRules.blankToNull(command.description()), command.priority(), WorkRules.blankToNull(command.ownerId()),
                command.dueAt(), distinct(command.assetIds()), command.plannedStart(), command.plannedEnd(),
                WorkRules.requiredPermitTypes(command.kind(), command.requiredPermitTypes()), distinct(command.dependsOn()),
                WorkRules.blankToNull(command.contractorId()),
                command.checklist(), distinct(command.watchers()), command.documents(), command.originWorkId()));
        for (String predecessor : distinct(command.dependsOn())) {
            apply(new BlockerRaised(command.workId(), command.siteId(), Blockers.dependencyBlockerId(command.workId(), predecessor),
                    BlockerType.OTHER_WORK, "Waits for work " + predecessor + " to be closed", predecessor, true));
        }
        if (command.dueAt() != null) {
            deadlines.schedule(command.dueAt(), OVERDUE_DEADLINE, command.dueAt());
        }
    }

    @CommandHandler
    public void handle(PlanWork command, DeadlineManager deadlines) {
        requireStatus("plan", REQUESTED, PLANNED);
        WorkRules.validateWindow(command.plannedStart(), command.plannedEnd(), true);
        apply(new WorkPlanned(workId, siteId, command.plannedStart(), command.plannedEnd(), distinct(command.assignees())));
        if (command.dueAt() != null && !command.dueAt().equals(dueAt)) {
            apply(new DueDateChanged(workId, siteId, command.dueAt()));
            Deadlines.cancelAllWithinScope(deadlines, OVERDUE_DEADLINE);
            deadlines.schedule(command.dueAt(), OVERDUE_DEADLINE, command.dueAt());
        }
    }

    @CommandHandler
    public void handle(AssignWork command) {
        if (ENDED.contains(status)) {
            throw refused("work.ended", "Work " + workId + " is " + status + "; ended work cannot be reassigned");
        }
        WorkRules.validateAssignment(command.ownerId(), command.assignees(), command.watchers());
        apply(new WorkAssigned(workId, siteId, WorkRules.blankToNull(command.ownerId()), distinct(command.assignees()),
                distinct(command.watchers())));
    }

    @CommandHandler
    public void handle(StartWork command) {
        if (status == REQUESTED) {
            throw refused("work.not-planned", "Work " + workId + " is REQUESTED; plan it before it is started");
        }
        requireStatus("start", PLANNED);
        requireNotBlocked("started");
        requireIssuedPermits("started");
        apply(new WorkStarted(workId, siteId));
    }

    @CommandHandler
    public void handle(HoldWork command) {
        requireStatus("put on hold", IN_PROGRESS);
        apply(new WorkPutOnHold(workId, siteId, WorkRules.requireReason(command.reason(), "put on hold")));
    }

    @CommandHandler
    public void handle(ResumeWork command) {
        requireStatus("resume", ON_HOLD);
        requireNotBlocked("resumed");
        requireIssuedPermits("resumed");
        apply(new WorkResumed(workId, siteId));
    }

    @CommandHandler
    public void handle(CompleteWork command) {
        requireStatus("complete", IN_PROGRESS);
        requireNotBlocked("completed");
        apply(new WorkCompleted(workId, siteId, WorkRules.blankToNull(command.outcome())));
    }

    @CommandHandler
    public void handle(CloseWork command) {
        requireStatus("close", DONE);
        List<String> gaps = evidenceGaps();
        if (gaps.isEmpty()) {
            apply(new WorkClosed(workId, siteId, false, null));
            return;
        }
        if (!command.override()) {
            throw refused("work.evidence-missing", "Work " + workId + " cannot be closed: " + String.join("; ", gaps)
                    + ". Record the evidence, or close with an override and a reason (supervisors only)");
        }
        if (!command.overrideAllowed()) {
            throw refused("work.override-not-allowed", "Only a supervisor may close work " + workId + " despite: " + String.join("; ", gaps));
        }
        apply(new WorkClosed(workId, siteId, true, WorkRules.requireReason(command.overrideReason(), "closed with an override")));
    }

    @CommandHandler
    public void handle(ReopenWork command) {
        requireStatus("reopen", DONE);
        apply(new WorkReopened(workId, siteId, WorkRules.requireReason(command.reason(), "reopened")));
    }

    @CommandHandler
    public void handle(RejectWork command, DeadlineManager deadlines) {
        requireStatus("reject", REQUESTED);
        apply(new WorkRejected(workId, siteId, WorkRules.requireReason(command.reason(), "rejected")));
        Deadlines.cancelAllWithinScope(deadlines, OVERDUE_DEADLINE);
    }

    @CommandHandler
    public void handle(CancelWork command, DeadlineManager deadlines) {
        requireStatus("cancel", REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD);
        apply(new WorkCancelled(workId, siteId, WorkRules.requireReason(command.reason(), "cancelled")));
        Deadlines.cancelAllWithinScope(deadlines, OVERDUE_DEADLINE);
    }

    @CommandHandler
    public void handle(RaiseBlocker command) {
        if (command.automatic() && (openBlockers.containsKey(command.blockerId()) || resolvedBlockers.contains(command.blockerId()))) {
            return; // a process repeating itself: the blocker exists already
        }
        if (!OPEN_FOR_BLOCKERS.contains(status)) {
            if (command.automatic()) {
                return; // nothing left to block
            }
            throw refused("work.not-blockable", "Work " + workId + " is " + status + "; only open work can be blocked");
        }
        if (openBlockers.containsKey(command.blockerId()) || resolvedBlockers.contains(command.blockerId())) {
            throw refused("work.blocker-exists", "Work " + workId + " already has blocker " + command.blockerId());
        }
        WorkRules.validateBlocker(command.type(), command.reason(), command.reference());
        apply(new BlockerRaised(workId, siteId, command.blockerId(), command.type(), command.reason().strip(),
                WorkRules.blankToNull(command.reference()), command.automatic()));
    }

    @CommandHandler
    public void handle(ResolveBlocker command) {
        OpenBlocker blocker = openBlockers.get(command.blockerId());
        if (blocker == null) {
            if (command.automatic()) {
                return; // already resolved (or never raised): nothing to do
            }
            if (resolvedBlockers.contains(command.blockerId())) {
                throw refused("work.blocker-resolved", "Blocker " + command.blockerId() + " of work " + workId + " is already resolved");
            }
            throw new NotFoundException("Work " + workId + " has no blocker " + command.blockerId());
        }
        apply(new BlockerResolved(workId, siteId, command.blockerId(), blocker.type(), WorkRules.blankToNull(command.note()),
                command.automatic()));
    }

    /**
     * A permit covering this work changed (work-service follows {@code sitework.context.v1}): remember
     * it; a permit that is SUSPENDED or EXPIRED blocks work under way with a PERMIT blocker, and the
     * permit ISSUED again resolves it. Repeats and older events of the permit change nothing.
     */
    @CommandHandler
    public void handle(RecordPermitStatus command) {
        if (!siteId.equals(command.siteId())) {
            return; // a permit of another site cannot cover this work
        }
        LinkedPermit known = permits.get(command.permitId());
        if (known != null && command.sequence() <= known.sequence()) {
            return;
        }
        if (known == null) {
            apply(new PermitLinked(workId, siteId, command.permitId(), command.permitType(), command.status(), command.sequence()));
        } else if (!known.status().equals(command.status())) {
            apply(new PermitStatusChanged(workId, siteId, command.permitId(), command.permitType(), known.status(), command.status(),
                    command.sequence()));
        } else {
            return; // the permit moved on without changing status (e.g. an isolation verified)
        }
        String permitLabel = "Permit " + command.permitId() + " (" + command.permitType() + ")";
        if (PERMIT_STOPS_WORK.contains(command.status()) && UNDER_WAY.contains(status) && openPermitBlocker(command.permitId()) == null) {
            apply(new BlockerRaised(workId, siteId, Blockers.permitBlockerId(workId, command.permitId(), command.sequence()),
                    BlockerType.PERMIT, permitLabel + " is " + command.status(), command.permitId(), true));
        } else if (PERMIT_ISSUED.equals(command.status())) {
            String blockerId = openPermitBlocker(command.permitId());
            if (blockerId != null) {
                apply(new BlockerResolved(workId, siteId, blockerId, BlockerType.PERMIT, permitLabel + " is ISSUED again", true));
            }
        }
    }

    private String openPermitBlocker(String permitId) {
        return openBlockers.entrySet().stream()
                .filter(e -> e.getValue().automatic() && e.getValue().type() == BlockerType.PERMIT && permitId.equals(e.getValue().reference()))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** Work that needs permits starts (and resumes) only under an ISSUED permit of each required type. */
    private void requireIssuedPermits(String action) {
        for (PermitType type : requiredPermitTypes) {
            List<Map.Entry<String, LinkedPermit>> ofType = permits.entrySet().stream().filter(e -> e.getValue().type() == type).toList();
            if (ofType.isEmpty()) {
                throw refused("work.permit-missing", "Work " + workId + " cannot be " + action + ": it needs a " + type
                        + " permit and none covers it yet");
            }
            if (ofType.stream().noneMatch(e -> PERMIT_ISSUED.equals(e.getValue().status()))) {
                String which = ofType.stream().map(e -> "permit " + e.getKey() + " is " + e.getValue().status())
                        .collect(Collectors.joining(", "));
                throw refused("work.permit-not-issued", "Work " + workId + " cannot be " + action + " until its " + type
                        + " permit is ISSUED: " + which);
            }
        }
    }

    @CommandHandler
    public void handle(RecordChecklistItem command) {
        ChecklistItemSpec item = checklist.get(command.itemId());
        if (item == null) {
            throw new NotFoundException("Work " + workId + " has no checklist item " + command.itemId());
        }
        requireStatus("have its checklist recorded", IN_PROGRESS);
        ChecklistEvaluation.Outcome outcome = ChecklistEvaluation.evaluate(item, command.value());
        apply(new ChecklistItemRecorded(workId, siteId, item.itemId(), item.label(), outcome.normalisedValue(), item.unit(),
                outcome.result(), WorkRules.blankToNull(command.note()), item.raiseFinding()));
    }

    @CommandHandler
    public void handle(AddComment command) {
        apply(new CommentAdded(workId, siteId, command.commentId(), WorkRules.validateComment(command.text())));
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDue(Instant due) {
        if (ENDED.contains(status) || status == DONE || !due.equals(dueAt) || overdueRaised) {
            return;
        }
        apply(new WorkOverdue(workId, siteId, due, ownerId));
    }

    private void requireStatus(String action, WorkStatus... allowed) {
        for (WorkStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        String expected = allowed.length == 1 ? allowed[0].name()
                : Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", "));
        throw refused("work.cannot-" + action.replace(' ', '-'),
                "Work " + workId + " is " + status + "; only " + expected + " work can be " + pastParticiple(action));
    }

    private void requireNotBlocked(String action) {
        if (!openBlockers.isEmpty()) {
            String what = openBlockers.values().stream()
                    .map(b -> b.type() + " — " + b.reason() + (b.reference() == null ? "" : " (" + b.reference() + ")"))
                    .collect(Collectors.joining("; "));
            throw refused("work.blocked", "Work " + workId + " cannot be " + action + " while blocked by " + openBlockers.size()
                    + " open blocker" + (openBlockers.size() == 1 ? "" : "s") + ": " + what);
        }
    }

    private List<String> evidenceGaps() {
        List<String> gaps = new ArrayList<>();
        List<String> missing = checklist.values().stream()
                .filter(ChecklistItemSpec::mandatory)
                .filter(i -> !results.containsKey(i.itemId()))
                .map(i -> "'" + i.label() + "'")
                .toList();
        if (!missing.isEmpty()) {
            gaps.add("mandatory checklist items not recorded: " + String.join(", ", missing));
        }
        List<String> failed = results.entrySet().stream()
                .filter(e -> e.getValue() == ChecklistItemSpec.Result.FAILED)
                .map(e -> "'" + checklist.get(e.getKey()).label() + "'")
                .toList();
        if (!failed.isEmpty()) {
            gaps.add("checklist items failed or out of limits: " + String.join(", ", failed));
        }
        return gaps;
    }

    private static String pastParticiple(String action) {
        return switch (action) {
            case "plan" -> "planned";
            case "start" -> "started";
            case "put on hold" -> "put on hold";
            case "resume" -> "resumed";
            case "complete" -> "completed";
            case "close" -> "closed";
            case "reopen" -> "reopened";
            case "reject" -> "rejected";
            case "cancel" -> "cancelled";
            default -> "made to " + action;
        };
    }

    private static DomainRuleViolation refused(String code, String message) {
        return new DomainRuleViolation(code, message);
    }

    private static <T> List<T> distinct(List<T> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }

    @EventSourcingHandler
    void on(WorkRequested event) {
        workId = event.workId();
        siteId = event.siteId();
        status = REQUESTED;
        dueAt = event.dueAt();
        ownerId = event.ownerId();
        checklist = new LinkedHashMap<>();
        event.checklist().forEach(item -> checklist.put(item.itemId(), item));
        requiredPermitTypes = new ArrayList<>(event.requiredPermitTypes());
    }

    @EventSourcingHandler
    void on(PermitLinked event) {
        permits.put(event.permitId(), new LinkedPermit(event.permitType(), event.status(), event.sequence()));
    }

    @EventSourcingHandler
    void on(PermitStatusChanged event) {
        permits.put(event.permitId(), new LinkedPermit(event.permitType(), event.status(), event.sequence()));
    }

    @EventSourcingHandler
    void on(DueDateChanged event) {
        dueAt = event.dueAt();
        overdueRaised = false;
    }

    @EventSourcingHandler
    void on(WorkAssigned event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(WorkPlanned event) {
        status = PLANNED;
    }

    @EventSourcingHandler
    void on(WorkStarted event) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkPutOnHold event) {
        status = ON_HOLD;
    }

    @EventSourcingHandler
    void on(WorkResumed event) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkCompleted event) {
        status = DONE;
    }

    @EventSourcingHandler
    void on(WorkClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(WorkReopened event) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkRejected event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(WorkCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(BlockerRaised event) {
        openBlockers.put(event.blockerId(), new OpenBlocker(event.type(), event.reason(), event.reference(), event.automatic()));
    }

    @EventSourcingHandler
    void on(BlockerResolved event) {
        openBlockers.remove(event.blockerId());
        resolvedBlockers.add(event.blockerId());
    }

    @EventSourcingHandler
    void on(ChecklistItemRecorded event) {
        results.put(event.itemId(), event.result());
    }

    @EventSourcingHandler
    void on(WorkOverdue event) {
        overdueRaised = true;
    }
}
