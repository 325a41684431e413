package io.sitework.context.permit.command;

import io.sitework.support.axon.Deadlines;
import io.sitework.context.asset.command.TagRegistry;
import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.IsolationState;
import io.sitework.context.permit.api.LinkedWork;
import io.sitework.context.permit.api.PermitCommands.ApplyIsolationPoint;
import io.sitework.context.permit.api.PermitCommands.ApprovePermit;
import io.sitework.context.permit.api.PermitCommands.CancelPermit;
import io.sitework.context.permit.api.PermitCommands.ClosePermit;
import io.sitework.context.permit.api.PermitCommands.HandBackPermit;
import io.sitework.context.permit.api.PermitCommands.IssuePermit;
import io.sitework.context.permit.api.PermitCommands.RecordLinkedWorkStatus;
import io.sitework.context.permit.api.PermitCommands.RejectPermit;
import io.sitework.context.permit.api.PermitCommands.RemoveIsolationPoint;
import io.sitework.context.permit.api.PermitCommands.RequestPermit;
import io.sitework.context.permit.api.PermitCommands.ResumePermit;
import io.sitework.context.permit.api.PermitCommands.SuspendPermit;
import io.sitework.context.permit.api.PermitCommands.VerifyIsolationPoint;
import io.sitework.context.permit.api.PermitEvents.IsolationApplied;
import io.sitework.context.permit.api.PermitEvents.IsolationRemoved;
import io.sitework.context.permit.api.PermitEvents.IsolationVerified;
import io.sitework.context.permit.api.PermitEvents.LinkedWorkStatusRecorded;
import io.sitework.context.permit.api.PermitEvents.PermitApproved;
import io.sitework.context.permit.api.PermitEvents.PermitCancelled;
import io.sitework.context.permit.api.PermitEvents.PermitClosed;
import io.sitework.context.permit.api.PermitEvents.PermitExpired;
import io.sitework.context.permit.api.PermitEvents.PermitHandedBack;
import io.sitework.context.permit.api.PermitEvents.PermitIssued;
import io.sitework.context.permit.api.PermitEvents.PermitReadyForHandBack;
import io.sitework.context.permit.api.PermitEvents.PermitRejected;
import io.sitework.context.permit.api.PermitEvents.PermitRequested;
import io.sitework.context.permit.api.PermitEvents.PermitResumed;
import io.sitework.context.permit.api.PermitEvents.PermitSuspended;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.WorkStatus;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sitework.context.permit.api.PermitStatus.APPROVED;
import static io.sitework.context.permit.api.PermitStatus.CANCELLED;
import static io.sitework.context.permit.api.PermitStatus.CLOSED;
import static io.sitework.context.permit.api.PermitStatus.EXPIRED;
import static io.sitework.context.permit.api.PermitStatus.HANDED_BACK;
import static io.sitework.context.permit.api.PermitStatus.ISSUED;
import static io.sitework.context.permit.api.PermitStatus.REJECTED;
import static io.sitework.context.permit.api.PermitStatus.REQUESTED;
import static io.sitework.context.permit.api.PermitStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A permit to work (after HSE HSG250): REQUESTED → APPROVED → ISSUED ⇄ SUSPENDED → HANDED_BACK →
 * CLOSED, with REJECTED, CANCELLED (before hand-back) and EXPIRED (at the end of the validity window,
 * before hand-back) as ends. Isolation points go PLANNED → APPLIED → VERIFIED → REMOVED: applied
 * once the permit is approved, verified by someone other than who applied them, all verified before
 * issue, and removed only once the permit is handed back (or cancelled, or expired), all of them
 * before close. Guards live in the command handlers and say why they refuse; state changes only in
 * the event sourcing handlers. The actor of a command is its metadata's.
 */
@Aggregate
public class Permit {

    static final String EXPIRY_DEADLINE = "permit-expiry";
    /** Before hand-back: a permit can still be cancelled, and expires when its window passes. */
    private static final Set<PermitStatus> LIVE = EnumSet.of(REQUESTED, APPROVED, ISSUED, SUSPENDED);

    @AggregateIdentifier
    private String permitId;
    private String siteId;
    private PermitType type;
    private PermitStatus status;
    private List<String> workIds = List.of();
    private List<String> assetIds = List.of();
    private Instant validFrom;
    private Instant validTo;
    private String requestedBy;
    private String holderId;
    private boolean readyForHandBack;
    private final Map<String, Isolation> isolations = new LinkedHashMap<>();
    private final Map<String, LinkedWork> linkedWork = new LinkedHashMap<>();

    /** What the permit remembers of an isolation point. */
    private record Isolation(IsolationPoint point, IsolationState state, String appliedBy) {

        Isolation with(IsolationState newState, String by) {
            return new Isolation(point, newState, newState == IsolationState.APPLIED ? by : appliedBy);
        }

        String describe() {
            return "'" + point.point() + "' (" + point.isolationId() + ")";
        }
    }

    protected Permit() {
        // for Axon
    }

    @CommandHandler
    public Permit(RequestPermit command, TagRegistry assets, LinkedWorkRegistry work, DeadlineManager deadlines,
                  @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        PermitRules.validateRequest(command, now());
        List<String> scope = distinct(command.assetIds());
        scope.forEach(assetId -> requireAssetOfSite(assets, assetId, command.siteId(), ""));
        List<IsolationPoint> points = new ArrayList<>();
        for (IsolationPoint point : command.isolations() == null ? List.<IsolationPoint>of() : command.isolations()) {
            String assetId = blankToNull(point.assetId());
            if (assetId != null) {
                requireAssetOfSite(assets, assetId, command.siteId(), " (of isolation point '" + point.point().strip() + "')");
            }
            points.add(new IsolationPoint(point.isolationId(), point.point().strip(), point.method(), assetId));
        }
        List<String> works = distinct(command.workIds());
        List<LinkedWork> known = new ArrayList<>();
        for (LinkedWorkRegistry.KnownWork w : work.link(command.permitId(), works)) {
            if (!command.siteId().equals(w.siteId())) {
                throw refused("permit.work-other-site", "Permit cannot be requested: work " + w.workId() + " belongs to another site");
            }
            known.add(new LinkedWork(w.workId(), w.status(), w.sequence()));
        }
        apply(new PermitRequested(command.permitId(), command.siteId(), command.type(), works, scope, stripped(command.hazards()),
                stripped(command.controls()), command.validFrom(), command.validTo(), points, actor, known));
        deadlines.schedule(command.validTo(), EXPIRY_DEADLINE, command.validTo());
    }

    @CommandHandler
    public void handle(ApprovePermit command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-requested", "be approved", REQUESTED);
        if (requestedBy != null && requestedBy.equals(actor)) {
            throw refused("permit.self-approval", "Permit " + permitId + " was requested by " + actor
                    + "; the requester cannot approve their own permit");
        }
        apply(new PermitApproved(permitId, siteId, type, workIds, actor));
    }

    @CommandHandler
    public void handle(RejectPermit command, DeadlineManager deadlines,
                       @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-requested", "be rejected", REQUESTED);
        apply(new PermitRejected(permitId, siteId, type, workIds, actor, PermitRules.requireReason(command.reason(), "rejected")));
        Deadlines.cancelAllWithinScope(deadlines, EXPIRY_DEADLINE);
    }

    @CommandHandler
    public void handle(IssuePermit command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-approved", "be issued", APPROVED);
        String holder = PermitRules.optionalPerson(command.holderId(), "holderId");
        requireWithinValidity("issued");
        requireIsolationsVerified("issued");
        apply(new PermitIssued(permitId, siteId, type, workIds, actor, holder == null ? requestedBy : holder, validTo));
        raiseReadyForHandBackWhenWorkIsFinished();
    }

    @CommandHandler
    public void handle(SuspendPermit command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-issued", "be suspended", ISSUED);
        apply(new PermitSuspended(permitId, siteId, type, workIds, actor, PermitRules.requireReason(command.reason(), "suspended")));
    }

    @CommandHandler
    public void handle(ResumePermit command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-suspended", "be resumed", SUSPENDED);
        requireWithinValidity("resumed");
        requireIsolationsVerified("resumed");
        apply(new PermitResumed(permitId, siteId, type, workIds, actor));
    }

    @CommandHandler
    public void handle(HandBackPermit command, DeadlineManager deadlines,
                       @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.cannot-hand-back", "be handed back", ISSUED, SUSPENDED);
        apply(new PermitHandedBack(permitId, siteId, type, workIds, actor));
        Deadlines.cancelAllWithinScope(deadlines, EXPIRY_DEADLINE);
    }

    @CommandHandler
    public void handle(ClosePermit command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.not-handed-back", "be closed", HANDED_BACK);
        List<String> inPlace = isolations.values().stream().filter(i -> i.state().inPlace())
                .map(i -> i.describe() + " is " + i.state()).toList();
        if (!inPlace.isEmpty()) {
            throw refused("permit.isolation-not-removed", "Permit " + permitId + " cannot be closed while isolation points are in place: "
                    + String.join("; ", inPlace) + ". Remove every isolation first");
        }
        List<String> underWay = linkedWork.values().stream().filter(w -> WorkStatus.UNDER_WAY.contains(w.status()))
                .map(w -> "work " + w.workId() + " is " + w.status()).toList();
        if (!underWay.isEmpty()) {
            throw refused("permit.work-in-progress", "Permit " + permitId + " cannot be closed while work under it is not finished: "
                    + String.join("; ", underWay));
        }
        apply(new PermitClosed(permitId, siteId, type, workIds, actor));
    }

    @CommandHandler
    public void handle(CancelPermit command, DeadlineManager deadlines,
                       @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        requireStatus("permit.cannot-cancel", "be cancelled", REQUESTED, APPROVED, ISSUED, SUSPENDED);
        apply(new PermitCancelled(permitId, siteId, type, workIds, actor, PermitRules.requireReason(command.reason(), "cancelled")));
        Deadlines.cancelAllWithinScope(deadlines, EXPIRY_DEADLINE);
    }

    @CommandHandler
    public void handle(ApplyIsolationPoint command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        Isolation isolation = isolation(command.isolationId());
        requireStatus("permit.cannot-isolate", "have isolations applied", APPROVED, SUSPENDED);
        if (isolation.state().inPlace()) {
            throw refused("permit.isolation-already-applied", "Isolation point " + isolation.describe() + " of permit " + permitId
                    + " is already " + isolation.state());
        }
        if (isolation.state() == IsolationState.REMOVED) {
            throw refused("permit.isolation-removed", "Isolation point " + isolation.describe() + " of permit " + permitId
                    + " was removed");
        }
        IsolationPoint p = isolation.point();
        apply(new IsolationApplied(permitId, siteId, type, workIds, status, assetIds, p.isolationId(), p.point(), p.method(),
                p.assetId(), actor));
    }

    @CommandHandler
    public void handle(VerifyIsolationPoint command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        Isolation isolation = isolation(command.isolationId());
        requireStatus("permit.cannot-isolate", "have isolations verified", APPROVED, SUSPENDED);
        switch (isolation.state()) {
            case PLANNED -> throw refused("permit.isolation-not-applied", "Isolation point " + isolation.describe() + " of permit "
                    + permitId + " is PLANNED; only an applied isolation can be verified");
            case VERIFIED -> throw refused("permit.isolation-already-verified", "Isolation point " + isolation.describe()
                    + " of permit " + permitId + " is already VERIFIED");
            case REMOVED -> throw refused("permit.isolation-removed", "Isolation point " + isolation.describe() + " of permit "
                    + permitId + " was removed");
            default -> {
            }
        }
        if (isolation.appliedBy() != null && isolation.appliedBy().equals(actor)) {
            throw refused("permit.isolation-self-verify", "Isolation point " + isolation.describe() + " of permit " + permitId
                    + " was applied by " + actor + "; it must be verified by someone else");
        }
        IsolationPoint p = isolation.point();
        apply(new IsolationVerified(permitId, siteId, type, workIds, status, p.isolationId(), p.point(), p.method(), p.assetId(), actor));
    }

    @CommandHandler
    public void handle(RemoveIsolationPoint command, @MetaDataValue(value = CommandMetadata.ACTOR, required = false) String actor) {
        Isolation isolation = isolation(command.isolationId());
        if (status != HANDED_BACK && status != CANCELLED && status != EXPIRED) {
            throw refused("permit.isolation-in-force", "Permit " + permitId + " is " + status + "; isolations stay in place until the "
                    + "permit is handed back, cancelled or expired");
        }
        if (isolation.state() == IsolationState.PLANNED) {
            throw refused("permit.isolation-not-applied", "Isolation point " + isolation.describe() + " of permit " + permitId
                    + " was never applied");
        }
        if (isolation.state() == IsolationState.REMOVED) {
            throw refused("permit.isolation-already-removed", "Isolation point " + isolation.describe() + " of permit " + permitId
                    + " is already removed");
        }
        IsolationPoint p = isolation.point();
        apply(new IsolationRemoved(permitId, siteId, type, workIds, status, assetIds, p.isolationId(), p.point(), p.method(),
                p.assetId(), actor));
    }

    @CommandHandler
    public void handle(RecordLinkedWorkStatus command) {
        if (!workIds.contains(command.workId()) || status.ended()) {
            return; // not this permit's work, or nothing left to decide
        }
        LinkedWork known = linkedWork.get(command.workId());
        if (known != null && command.sequence() <= known.sequence()) {
            return; // a status the permit already has (or an older one): redelivered
        }
        apply(new LinkedWorkStatusRecorded(permitId, siteId, type, workIds, command.workId(), command.status(), command.sequence()));
        raiseReadyForHandBackWhenWorkIsFinished();
    }

    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void onExpiry(Instant due) {
        if (!LIVE.contains(status) || !due.equals(validTo)) {
            return;
        }
        apply(new PermitExpired(permitId, siteId, type, workIds, validTo));
    }

    private void raiseReadyForHandBackWhenWorkIsFinished() {
        if (readyForHandBack || (status != ISSUED && status != SUSPENDED) || workIds.isEmpty()) {
            return;
        }
        boolean finished = workIds.stream().map(linkedWork::get)
                .allMatch(w -> w != null && WorkStatus.FINISHED.contains(w.status()));
        if (finished) {
            apply(new PermitReadyForHandBack(permitId, siteId, type, workIds, status, holderId));
        }
    }

    private void requireStatus(String code, String action, PermitStatus... allowed) {
        if (Arrays.asList(allowed).contains(status)) {
            return;
        }
        if (status == EXPIRED) {
            throw refused("permit.expired", "Permit " + permitId + " EXPIRED at " + validTo + "; an expired permit cannot " + action);
        }
        List<String> names = Arrays.stream(allowed).map(Enum::name).toList();
        String expected = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw refused(code, "Permit " + permitId + " is " + status + "; only " + expected + " permits can " + action);
    }

    private void requireWithinValidity(String action) {
        Instant now = now();
        if (now.isBefore(validFrom)) {
            throw refused("permit.not-yet-valid", "Permit " + permitId + " is valid from " + validFrom + "; it cannot be " + action
                    + " before then");
        }
        if (!now.isBefore(validTo)) {
            throw refused("permit.validity-passed", "Permit " + permitId + " was valid until " + validTo + "; it cannot be " + action
                    + " any more");
        }
    }

    private void requireIsolationsVerified(String action) {
        List<String> unverified = isolations.values().stream().filter(i -> i.state() != IsolationState.VERIFIED)
                .map(i -> i.describe() + " is " + i.state()).toList();
        if (!unverified.isEmpty()) {
            throw refused("permit.isolation-not-verified", "Permit " + permitId + " cannot be " + action + " until every isolation "
                    + "point is verified: " + String.join("; ", unverified));
        }
    }

    private Isolation isolation(String isolationId) {
        Isolation isolation = isolations.get(isolationId);
        if (isolation == null) {
            throw new NotFoundException("Permit " + permitId + " has no isolation point " + isolationId);
        }
        return isolation;
    }

    private static void requireAssetOfSite(TagRegistry assets, String assetId, String siteId, String of) {
        String site = assets.siteOf(assetId).orElseThrow(() -> refused("permit.asset-unknown",
                "Permit cannot be requested: asset " + assetId + of + " does not exist"));
        if (!site.equals(siteId)) {
            throw refused("permit.asset-other-site", "Permit cannot be requested: asset " + assetId + of + " belongs to another site");
        }
    }

    /** Axon's clock: the system's in production, the fixture's in tests. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static DomainRuleViolation refused(String code, String message) {
        return new DomainRuleViolation(code, message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> distinct(List<String> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }

    private static List<String> stripped(List<String> list) {
        return list.stream().map(String::strip).distinct().toList();
    }

    @EventSourcingHandler
    void on(PermitRequested event) {
        permitId = event.permitId();
        siteId = event.siteId();
        type = event.permitType();
        status = REQUESTED;
        workIds = event.workIds();
        assetIds = event.assetIds();
        validFrom = event.validFrom();
        validTo = event.validTo();
        requestedBy = event.requestedBy();
        event.isolations().forEach(p -> isolations.put(p.isolationId(), new Isolation(p, IsolationState.PLANNED, null)));
        event.knownWorkStatuses().forEach(w -> linkedWork.put(w.workId(), w));
    }

    @EventSourcingHandler
    void on(PermitApproved event) {
        status = APPROVED;
    }

    @EventSourcingHandler
    void on(PermitRejected event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(IsolationApplied event) {
        isolations.computeIfPresent(event.isolationId(), (id, i) -> i.with(IsolationState.APPLIED, event.appliedBy()));
    }

    @EventSourcingHandler
    void on(IsolationVerified event) {
        isolations.computeIfPresent(event.isolationId(), (id, i) -> i.with(IsolationState.VERIFIED, event.verifiedBy()));
    }

    @EventSourcingHandler
    void on(IsolationRemoved event) {
        isolations.computeIfPresent(event.isolationId(), (id, i) -> i.with(IsolationState.REMOVED, event.removedBy()));
    }

    @EventSourcingHandler
    void on(PermitIssued event) {
        status = ISSUED;
        holderId = event.holderId();
    }

    @EventSourcingHandler
    void on(PermitSuspended event) {
        status = SUSPENDED;
    }

    @EventSourcingHandler
    void on(PermitResumed event) {
        status = ISSUED;
    }

    @EventSourcingHandler
    void on(LinkedWorkStatusRecorded event) {
        linkedWork.put(event.workId(), new LinkedWork(event.workId(), event.workStatus(), event.workSequence()));
    }

    @EventSourcingHandler
    void on(PermitReadyForHandBack event) {
        readyForHandBack = true;
    }

    @EventSourcingHandler
    void on(PermitHandedBack event) {
        status = HANDED_BACK;
    }

    @EventSourcingHandler
    void on(PermitClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(PermitCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(PermitExpired event) {
        status = EXPIRED;
    }
}
