package io.sitework.work.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.support.domain.NotFoundException;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.Assignee.AssigneeType;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.ChecklistItemSpec.ChecklistItemType;
import io.sitework.work.api.ChecklistItemSpec.Result;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkCommands.RecordPermitStatus;
import io.sitework.work.api.WorkEvents.PermitLinked;
import io.sitework.work.api.WorkEvents.PermitStatusChanged;
import io.sitework.work.api.WorkCommands.AddComment;
import io.sitework.work.api.WorkCommands.AssignWork;
import io.sitework.work.api.WorkCommands.CancelWork;
import io.sitework.work.api.WorkCommands.CloseWork;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.HoldWork;
import io.sitework.work.api.WorkCommands.PlanWork;
import io.sitework.work.api.WorkCommands.RaiseBlocker;
import io.sitework.work.api.WorkCommands.RecordChecklistItem;
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
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.sitework.support.test.DomainMatchers.code;
import static io.sitework.support.test.DomainMatchers.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The Work aggregate through Axon's fixture: one test per transition and per refusal. Every refusal
 * checks the exception type, the reason (code and message) and that nothing was stored.
 */
class WorkTest {

    static final String WORK = "w-1";
    static final String SITE = "s-1";
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-27T16:00:00Z");
    static final Instant START = Instant.parse("2026-11-26T07:00:00Z");
    static final Instant END = Instant.parse("2026-11-26T12:00:00Z");
    static final Assignee TEAM = new Assignee(AssigneeType.TEAM, "mech-1");
    static final Assignee PERSON = new Assignee(AssigneeType.PERSON, "bruno");

    static final ChecklistItemSpec TORQUE = new ChecklistItemSpec("torque", "Bolt torque", ChecklistItemType.NUMBER, true, "Nm",
            new BigDecimal("40"), new BigDecimal("50"), null, null, true);
    static final ChecklistItemSpec LEAK = new ChecklistItemSpec("leak", "No leak after restart", ChecklistItemType.CHECK, true, null,
            null, null, null, null, false);
    static final ChecklistItemSpec REMARKS = new ChecklistItemSpec("remarks", "Remarks", ChecklistItemType.TEXT, false, null,
            null, null, null, null, false);
    static final ChecklistItemSpec SEAL = new ChecklistItemSpec("seal", "Seal condition", ChecklistItemType.CHOICE, false, null,
            null, null, List.of("new", "reused", "damaged"), List.of("damaged"), false);
    static final List<ChecklistItemSpec> CHECKLIST = List.of(TORQUE, LEAK, REMARKS, SEAL);

    private FixtureConfiguration<Work> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Work.class);
    }

    // ---- the events of a work item's life, as given history ----

    static WorkRequested requested() {
        return requested(CHECKLIST, List.of());
    }

    static WorkRequested requested(List<ChecklistItemSpec> checklist, List<String> dependsOn) {
        return new WorkRequested(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, "Replace pump seal", "Leaking at the shaft",
                Priority.HIGH, "olga", DUE, List.of("a-1"), null, null, List.of(), dependsOn, null, checklist,
                List.of("ines"), List.of(), null);
    }

    static WorkPlanned planned() {
        return new WorkPlanned(WORK, SITE, START, END, List.of(TEAM));
    }

    static WorkStarted started() {
        return new WorkStarted(WORK, SITE);
    }

    static WorkPutOnHold held() {
        return new WorkPutOnHold(WORK, SITE, "Waiting for the crane");
    }

    static WorkCompleted completed() {
        return new WorkCompleted(WORK, SITE, "Seal replaced");
    }

    static ChecklistItemRecorded recorded(ChecklistItemSpec item, String value, Result result) {
        return new ChecklistItemRecorded(WORK, SITE, item.itemId(), item.label(), value, item.unit(), result, null, item.raiseFinding());
    }

    static BlockerRaised blocker(String id) {
        return new BlockerRaised(WORK, SITE, id, BlockerType.PARTS, "Seal kit not delivered", "PO-77", false);
    }

    static BlockerResolved unblocked(String id) {
        return new BlockerResolved(WORK, SITE, id, BlockerType.PARTS, null, false);
    }

    /** The history that leaves a work item in the given status (no checklist evidence recorded). */
    static List<Object> historyOf(WorkStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(requested());
        switch (status) {
            case REQUESTED -> {
            }
            case PLANNED -> events.add(planned());
            case IN_PROGRESS -> events.addAll(List.of(planned(), started()));
            case ON_HOLD -> events.addAll(List.of(planned(), started(), held()));
            case DONE -> events.addAll(List.of(planned(), started(), completed()));
            case CLOSED -> events.addAll(List.of(planned(), started(), completed(), new WorkClosed(WORK, SITE, true, "Verified on site")));
            case REJECTED -> events.add(new WorkRejected(WORK, SITE, "Duplicate of w-0"));
            case CANCELLED -> events.add(new WorkCancelled(WORK, SITE, "No longer needed"));
        }
        return events;
    }

    static RequestWork request(String title, List<String> dependsOn, List<ChecklistItemSpec> checklist) {
        return new RequestWork(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, title, "Leaking at the shaft", Priority.HIGH, "olga",
                DUE, null, null, List.of("a-1"), List.of(), dependsOn, null, checklist, List.of("ines"), List.of(), null);
    }

    static RequestWork request() {
        return request("Replace pump seal", List.of(), CHECKLIST);
    }

    static void refused(ResultValidator<Work> result, String code, String message) {
        result.expectException(DomainRuleViolation.class)
                .expectException(code(code))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    static void invalid(ResultValidator<Work> result, String field, String message) {
        result.expectException(InvalidValueException.class)
                .expectException(field(field))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    static void notFound(ResultValidator<Work> result, String message) {
        result.expectException(NotFoundException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    // ---- request ----

    @Nested
    class Requesting {

        @Test
        void requestingWorkRecordsTheRequestWithItsWholeContext() {
            RequestWork command = new RequestWork(WORK, SITE, WorkKind.CONTRACTOR_PUNCH_ITEM, "  Replace pump seal  ", "Leaking",
                    Priority.CRITICAL, " olga ", DUE, START, END, List.of("a-1", "a-2", "a-1"),
                    List.of(PermitType.HOT_WORK, PermitType.HOT_WORK, PermitType.CONFINED_SPACE), List.of(), " c-9 ", CHECKLIST,
                    List.of("ines", "ines"), List.of(new DocumentRef("Procedure", "https://docs/p-1")), "w-0");
            fixture.givenCurrentTime(NOW)
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new WorkRequested(WORK, SITE, WorkKind.CONTRACTOR_PUNCH_ITEM, "Replace pump seal", "Leaking",
                            Priority.CRITICAL, "olga", DUE, List.of("a-1", "a-2"), START, END,
                            List.of(PermitType.HOT_WORK, PermitType.CONFINED_SPACE), List.of(), "c-9", CHECKLIST, List.of("ines"),
                            List.of(new DocumentRef("Procedure", "https://docs/p-1")), "w-0"))
                    .expectScheduledDeadline(DUE, DUE)
                    .expectScheduledDeadlineWithName(DUE, Work.OVERDUE_DEADLINE);
        }

        @Test
        void blankOptionalTextIsStoredAsAbsentAndNoDueDateSchedulesNothing() {
            fixture.givenNoPriorActivity()
                    .when(new RequestWork(WORK, SITE, WorkKind.ROUND, "Night round", "   ", Priority.LOW, " ", null, null, null,
                            null, null, null, "", null, null, null, null))
                    .expectEvents(new WorkRequested(WORK, SITE, WorkKind.ROUND, "Night round", null, Priority.LOW, null, null, List.of(),
                            null, null, List.of(), List.of(), null, List.of(), List.of(), List.of(), null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void everyKindOfSiteWorkCanBeRequested() {
            for (WorkKind kind : WorkKind.values()) {
                fixture = new AggregateTestFixture<>(Work.class);
                fixture.givenNoPriorActivity()
                        .when(new RequestWork(WORK, SITE, kind, "t", null, Priority.MEDIUM, null, null, null, null, null, null, null,
                                null, null, null, null, null))
                        .expectSuccessfulHandlerExecution()
                        .expectEvents(new WorkRequested(WORK, SITE, kind, "t", null, Priority.MEDIUM, null, null, null, null, null,
                                kind == WorkKind.CONTRACTOR_PUNCH_ITEM ? List.of(PermitType.GENERAL) : null, null, null, null, null, null,
                                null));
            }
        }

        @Test
        void cannotRequestWorkWithoutATitle() {
            refused(fixture.givenNoPriorActivity().when(request("  ", List.of(), List.of())),
                    "work.title-required", "Work cannot be requested: a title is required");
            refused(fixture.givenNoPriorActivity().when(request(null, List.of(), List.of())),
                    "work.title-required", "Work cannot be requested: a title is required");
        }

        @Test
        void cannotRequestWorkWithAnOverlongTitle() {
            refused(fixture.givenNoPriorActivity().when(request("x".repeat(201), List.of(), List.of())),
                    "work.title-too-long", "Work cannot be requested: the title is longer than 200 characters");
        }

        @Test
        void aTitleOfExactlyTheLimitIsAccepted() {
            fixture.givenNoPriorActivity().when(request(" " + "x".repeat(200) + " ", List.of(), List.of()))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotRequestWorkWithoutAKind() {
            refused(fixture.givenNoPriorActivity().when(new RequestWork(WORK, SITE, null, "t", null, Priority.LOW, null, null, null,
                            null, null, null, null, null, null, null, null, null)),
                    "work.kind-required", "Work cannot be requested: a kind is required");
        }

        @Test
        void cannotRequestWorkWithoutAPriority() {
            refused(fixture.givenNoPriorActivity().when(new RequestWork(WORK, SITE, WorkKind.OTHER, "t", null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null)),
                    "work.priority-required", "Work cannot be requested: a priority is required");
        }

        @Test
        void cannotRequestWorkWithoutASite() {
            refused(fixture.givenNoPriorActivity().when(new RequestWork(WORK, " ", WorkKind.OTHER, "t", null, Priority.LOW, null, null,
                            null, null, null, null, null, null, null, null, null, null)),
                    "work.site-required", "Work cannot be requested: a site is required");
        }

        @Test
        void cannotRequestWorkWithAnOverlongDescription() {
            refused(fixture.givenNoPriorActivity().when(new RequestWork(WORK, SITE, WorkKind.OTHER, "t", "d".repeat(4001), Priority.LOW,
                            null, null, null, null, null, null, null, null, null, null, null, null)),
                    "work.description-too-long", "Work cannot be requested: the description is longer than 4000 characters");
        }

        @Test
        void workCannotDependOnItself() {
            refused(fixture.givenNoPriorActivity().when(request("t", List.of("w-0", WORK), List.of())),
                    "work.depends-on-itself", "Work cannot be requested: work cannot depend on itself");
        }

        @Test
        void workDependsOnAtMostAHundredOthers() {
            List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "w-p" + i).toList();
            refused(fixture.givenNoPriorActivity().when(request("t", many, List.of())),
                    "work.too-many-dependencies", "Work cannot be requested: a work item depends on at most 100 others");
        }

        @Test
        void aRequestedWindowMustEndAfterItStarts() {
            invalid(fixture.givenNoPriorActivity().when(new RequestWork(WORK, SITE, WorkKind.OTHER, "t", null, Priority.LOW, null, null,
                            END, START, null, null, null, null, null, null, null, null)),
                    "plannedEnd", "the planned window must end after it starts");
        }

        @Test
        void checklistItemsNeedAUsableId() {
            ChecklistItemSpec bad = new ChecklistItemSpec("has space", "Label", ChecklistItemType.TEXT, false, null, null, null, null,
                    null, false);
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(bad))),
                    "checklist", "every item needs an itemId of letters, digits, - or _ (at most 64)");
        }

        @Test
        void checklistItemIdsAreUnique() {
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(TORQUE, TORQUE))),
                    "checklist", "item id torque is used twice");
        }

        @Test
        void checklistItemsNeedALabelAndAType() {
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(new ChecklistItemSpec("x", " ",
                            ChecklistItemType.TEXT, false, null, null, null, null, null, false)))),
                    "checklist", "item x needs a label of at most 200 characters");
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(new ChecklistItemSpec("x", "Label", null, false,
                            null, null, null, null, null, false)))),
                    "checklist", "item x needs a type (CHECK, NUMBER, TEXT or CHOICE)");
        }

        @Test
        void aNumberItemsMinimumCannotBeAboveItsMaximum() {
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(new ChecklistItemSpec("p", "Pressure",
                            ChecklistItemType.NUMBER, true, "bar", new BigDecimal("5"), new BigDecimal("4"), null, null, false)))),
                    "checklist", "item p: min is above max");
        }

        @Test
        void aChoiceItemNeedsOptionsThatIncludeItsFailingOnes() {
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(new ChecklistItemSpec("c", "Condition",
                            ChecklistItemType.CHOICE, true, null, null, null, List.of(), null, false)))),
                    "checklist", "item c needs options");
            invalid(fixture.givenNoPriorActivity().when(request("t", List.of(), List.of(new ChecklistItemSpec("c", "Condition",
                            ChecklistItemType.CHOICE, true, null, null, null, List.of("good"), List.of("bad"), false)))),
                    "checklist", "item c: failing options must be among the options");
        }

        @Test
        void documentsNeedATitleAndAUrl() {
            invalid(fixture.givenNoPriorActivity().when(new RequestWork(WORK, SITE, WorkKind.OTHER, "t", null, Priority.LOW, null, null,
                            null, null, null, null, null, null, null, null, List.of(new DocumentRef("Drawing", " ")), null)),
                    "documents", "every document needs a title and a url of at most 2000 characters");
        }

        @Test
        void dependsOnRaisesAnOtherWorkBlockerPerPredecessor() {
            fixture.givenNoPriorActivity()
                    .when(request("Replace pump seal", List.of("w-a", "w-b", "w-a"), List.of()))
                    .expectEvents(requested(List.of(), List.of("w-a", "w-b")),
                            new BlockerRaised(WORK, SITE, Blockers.dependencyBlockerId(WORK, "w-a"), BlockerType.OTHER_WORK,
                                    "Waits for work w-a to be closed", "w-a", true),
                            new BlockerRaised(WORK, SITE, Blockers.dependencyBlockerId(WORK, "w-b"), BlockerType.OTHER_WORK,
                                    "Waits for work w-b to be closed", "w-b", true));
        }
    }

    // ---- plan, assign ----

    @Nested
    class Planning {

        @Test
        void planningRequestedWorkRecordsTheWindowAndWhoDoesIt() {
            fixture.given(requested())
                    .when(new PlanWork(WORK, 0L, START, END, List.of(TEAM, PERSON, TEAM), null))
                    .expectEvents(new WorkPlanned(WORK, SITE, START, END, List.of(TEAM, PERSON)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void replanningPlannedWorkKeepsTheDueDateWhenNoneIsGiven() {
            fixture.given(requested(), planned())
                    .when(new PlanWork(WORK, 1L, START.plusSeconds(3600), END.plusSeconds(3600), List.of(), null))
                    .expectEvents(new WorkPlanned(WORK, SITE, START.plusSeconds(3600), END.plusSeconds(3600), List.of()));
        }

        @Test
        void planningWithTheSameDueDateDoesNotMoveIt() {
            fixture.given(requested())
                    .when(new PlanWork(WORK, null, START, END, List.of(), DUE))
                    .expectEvents(new WorkPlanned(WORK, SITE, START, END, List.of()))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void replanningMovesTheDeadline() {
            Instant later = DUE.plus(Duration.ofDays(2));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .when(new PlanWork(WORK, null, START, END, List.of(TEAM), later))
                    .expectEvents(new WorkPlanned(WORK, SITE, START, END, List.of(TEAM)), new DueDateChanged(WORK, SITE, later))
                    .expectScheduledDeadline(later, later)
                    .expectNoScheduledDeadline(DUE, DUE);
        }

        @Test
        void planningNeedsAWholeWindow() {
            invalid(fixture.given(requested()).when(new PlanWork(WORK, null, START, null, List.of(), null)),
                    "plannedStart", "a planned window needs plannedStart and plannedEnd");
        }

        @Test
        void aPlannedWindowMustEndAfterItStarts() {
            invalid(fixture.given(requested()).when(new PlanWork(WORK, null, END, START, List.of(), null)),
                    "plannedEnd", "the planned window must end after it starts");
            invalid(fixture.given(requested()).when(new PlanWork(WORK, null, START, START, List.of(), null)),
                    "plannedEnd", "the planned window must end after it starts");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"IN_PROGRESS", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyRequestedOrPlannedWorkCanBePlanned(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new PlanWork(WORK, null, START, END, List.of(), null)),
                    "work.cannot-plan", "Work w-1 is " + status + "; only REQUESTED, PLANNED work can be planned");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD", "DONE"})
        void assigningReplacesTheOwnerTheAssigneesAndTheWatchers(WorkStatus status) {
            fixture.given(historyOf(status))
                    .when(new AssignWork(WORK, null, " bruno ", List.of(PERSON, PERSON, TEAM), List.of("ines", "olga", "ines")))
                    .expectEvents(new WorkAssigned(WORK, SITE, "bruno", List.of(PERSON, TEAM), List.of("ines", "olga")));
        }

        @Test
        void assigningNobodyClearsTheOwner() {
            fixture.given(requested())
                    .when(new AssignWork(WORK, null, "  ", null, null))
                    .expectEvents(new WorkAssigned(WORK, SITE, null, List.of(), List.of()));
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"CLOSED", "REJECTED", "CANCELLED"})
        void endedWorkCannotBeReassigned(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new AssignWork(WORK, null, "bruno", List.of(), List.of())),
                    "work.ended", "Work w-1 is " + status + "; ended work cannot be reassigned");
        }

        @Test
        void anOverlongOwnerIsInvalid() {
            invalid(fixture.given(requested()).when(new AssignWork(WORK, null, "o".repeat(101), List.of(), List.of())),
                    "ownerId", "at most 100 characters");
        }

        @Test
        void tooManyAssigneesAreInvalid() {
            List<Assignee> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> new Assignee(AssigneeType.PERSON, "p" + i))
                    .toList();
            invalid(fixture.given(requested()).when(new AssignWork(WORK, null, null, many, List.of())),
                    "assignees", "at most 100 assignees and watchers");
        }
    }

    // ---- start, hold, resume, complete ----

    @Nested
    class Executing {

        @Test
        void plannedWorkCanBeStarted() {
            fixture.given(requested(), planned())
                    .when(new StartWork(WORK, 1L))
                    .expectEvents(started());
        }

        @Test
        void cannotStartWorkThatIsStillRequested() {
            refused(fixture.given(requested()).when(new StartWork(WORK, null)),
                    "work.not-planned", "Work w-1 is REQUESTED; plan it before it is started");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"IN_PROGRESS", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyPlannedWorkCanBeStarted(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new StartWork(WORK, null)),
                    "work.cannot-start", "Work w-1 is " + status + "; only PLANNED work can be started");
        }

        @Test
        void blockedWorkCannotStart() {
            refused(fixture.given(requested(), planned(), blocker("b-1")).when(new StartWork(WORK, null)),
                    "work.blocked", "Work w-1 cannot be started while blocked by 1 open blocker: PARTS — Seal kit not delivered (PO-77)");
        }

        @Test
        void theRefusalNamesEveryOpenBlocker() {
            refused(fixture.given(requested(), planned(), blocker("b-1"),
                            new BlockerRaised(WORK, SITE, "b-2", BlockerType.PERMIT, "Hot work permit pending", null, false))
                            .when(new StartWork(WORK, null)),
                    "work.blocked", "Work w-1 cannot be started while blocked by 2 open blockers: "
                            + "PARTS — Seal kit not delivered (PO-77); PERMIT — Hot work permit pending");
        }

        @Test
        void workWithAResolvedBlockerCanStart() {
            fixture.given(requested(), planned(), blocker("b-1"), unblocked("b-1"))
                    .when(new StartWork(WORK, null))
                    .expectEvents(started());
        }

        @Test
        void workWithOneOfItsTwoBlockersResolvedIsStillBlocked() {
            fixture.given(requested(), planned(), blocker("b-1"), blocker("b-2"), unblocked("b-1"))
                    .when(new StartWork(WORK, null))
                    .expectException(code("work.blocked"))
                    .expectExceptionMessage(containsString("1 open blocker"))
                    .expectNoEvents();
        }

        @Test
        void workInProgressCanBePutOnHoldWithAReason() {
            fixture.given(requested(), planned(), started())
                    .when(new HoldWork(WORK, null, "  Waiting for the crane "))
                    .expectEvents(held());
        }

        @Test
        void holdingWorkNeedsAReason() {
            invalid(fixture.given(requested(), planned(), started()).when(new HoldWork(WORK, null, " ")),
                    "reason", "a reason is required when work is put on hold");
            invalid(fixture.given(requested(), planned(), started()).when(new HoldWork(WORK, null, "r".repeat(1001))),
                    "reason", "at most 1000 characters");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyWorkInProgressCanBePutOnHold(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new HoldWork(WORK, null, "crane")),
                    "work.cannot-put-on-hold", "Work w-1 is " + status + "; only IN_PROGRESS work can be put on hold");
        }

        @Test
        void blockedWorkCanStillBePutOnHold() {
            fixture.given(requested(), planned(), started(), blocker("b-1"))
                    .when(new HoldWork(WORK, null, "Parts missing"))
                    .expectEvents(new WorkPutOnHold(WORK, SITE, "Parts missing"));
        }

        @Test
        void heldWorkResumes() {
            fixture.given(requested(), planned(), started(), held())
                    .when(new ResumeWork(WORK, 3L))
                    .expectEvents(new WorkResumed(WORK, SITE));
        }

        @Test
        void blockedWorkCannotResume() {
            refused(fixture.given(requested(), planned(), started(), blocker("b-1"), held()).when(new ResumeWork(WORK, null)),
                    "work.blocked", "Work w-1 cannot be resumed while blocked by 1 open blocker: PARTS — Seal kit not delivered (PO-77)");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyHeldWorkCanBeResumed(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new ResumeWork(WORK, null)),
                    "work.cannot-resume", "Work w-1 is " + status + "; only ON_HOLD work can be resumed");
        }

        @Test
        void workInProgressCompletesWithAnOutcome() {
            fixture.given(requested(), planned(), started())
                    .when(new CompleteWork(WORK, null, "  Seal replaced "))
                    .expectEvents(completed());
        }

        @Test
        void aBlankOutcomeIsStoredAsAbsent() {
            fixture.given(requested(), planned(), started())
                    .when(new CompleteWork(WORK, null, "  "))
                    .expectEvents(new WorkCompleted(WORK, SITE, null));
        }

        @Test
        void blockedWorkCannotBeCompleted() {
            refused(fixture.given(requested(), planned(), started(), blocker("b-1")).when(new CompleteWork(WORK, null, "done")),
                    "work.blocked", "Work w-1 cannot be completed while blocked by 1 open blocker: PARTS — Seal kit not delivered (PO-77)");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyWorkInProgressCanBeCompleted(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new CompleteWork(WORK, null, "done")),
                    "work.cannot-complete", "Work w-1 is " + status + "; only IN_PROGRESS work can be completed");
        }
    }

    // ---- close, reopen ----

    @Nested
    class Closing {

        static List<Object> doneWith(Object... evidence) {
            List<Object> events = new ArrayList<>(List.of(requested(), planned(), started()));
            events.addAll(Arrays.asList(evidence));
            events.add(completed());
            return events;
        }

        @Test
        void doneWorkWithItsEvidenceCloses() {
            fixture.given(doneWith(recorded(TORQUE, "45", Result.PASSED), recorded(LEAK, "true", Result.PASSED)))
                    .when(new CloseWork(WORK, null, false, null, false))
                    .expectEvents(new WorkClosed(WORK, SITE, false, null));
        }

        @Test
        void doneWorkWithoutAChecklistCloses() {
            fixture.given(requested(List.of(), List.of()), planned(), started(), completed())
                    .when(new CloseWork(WORK, null, false, null, false))
                    .expectEvents(new WorkClosed(WORK, SITE, false, null));
        }

        @Test
        void optionalItemsNeedNotBeRecordedToClose() {
            fixture.given(doneWith(recorded(TORQUE, "40", Result.PASSED), recorded(LEAK, "true", Result.PASSED),
                            recorded(REMARKS, "fine", Result.RECORDED)))
                    .when(new CloseWork(WORK, null, false, null, false))
                    .expectEvents(new WorkClosed(WORK, SITE, false, null));
        }

        @Test
        void closingWithoutMandatoryReadingsIsRefused() {
            refused(fixture.given(doneWith(recorded(REMARKS, "fine", Result.RECORDED))).when(new CloseWork(WORK, null, false, null, false)),
                    "work.evidence-missing", "Work w-1 cannot be closed: mandatory checklist items not recorded: 'Bolt torque', "
                            + "'No leak after restart'. Record the evidence, or close with an override and a reason (supervisors only)");
        }

        @Test
        void closingWithAFailedReadingIsRefused() {
            refused(fixture.given(doneWith(recorded(TORQUE, "55", Result.FAILED), recorded(LEAK, "true", Result.PASSED),
                            recorded(SEAL, "damaged", Result.FAILED))).when(new CloseWork(WORK, null, false, null, false)),
                    "work.evidence-missing", "Work w-1 cannot be closed: checklist items failed or out of limits: 'Bolt torque', "
                            + "'Seal condition'. Record the evidence, or close with an override and a reason (supervisors only)");
        }

        @Test
        void aFailedReadingRecordedAgainWithinLimitsNoLongerBlocksClosing() {
            fixture.given(doneWith(recorded(TORQUE, "55", Result.FAILED), recorded(TORQUE, "48", Result.PASSED),
                            recorded(LEAK, "true", Result.PASSED)))
                    .when(new CloseWork(WORK, null, false, null, false))
                    .expectEvents(new WorkClosed(WORK, SITE, false, null));
        }

        @Test
        void aSupervisorMayCloseWithAnOverrideAndAReason() {
            fixture.given(doneWith(recorded(TORQUE, "55", Result.FAILED)))
                    .when(new CloseWork(WORK, null, true, "  Torque checked with a calibrated wrench ", true))
                    .expectEvents(new WorkClosed(WORK, SITE, true, "Torque checked with a calibrated wrench"));
        }

        @Test
        void anOverrideWithoutPermissionIsRefused() {
            refused(fixture.given(doneWith()).when(new CloseWork(WORK, null, true, "trust me", false)),
                    "work.override-not-allowed", "Only a supervisor may close work w-1 despite: mandatory checklist items not "
                            + "recorded: 'Bolt torque', 'No leak after restart'");
        }

        @Test
        void anOverrideNeedsAReason() {
            invalid(fixture.given(doneWith()).when(new CloseWork(WORK, null, true, "  ", true)),
                    "reason", "a reason is required when work is closed with an override");
        }

        @Test
        void anOverrideIsNotRecordedWhenNothingIsMissing() {
            fixture.given(doneWith(recorded(TORQUE, "45", Result.PASSED), recorded(LEAK, "ok", Result.PASSED)))
                    .when(new CloseWork(WORK, null, true, "just in case", true))
                    .expectEvents(new WorkClosed(WORK, SITE, false, null));
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyDoneWorkCanBeClosed(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new CloseWork(WORK, null, true, "override", true)),
                    "work.cannot-close", "Work w-1 is " + status + "; only DONE work can be closed");
        }

        @Test
        void doneWorkCanBeReopenedWithAReason() {
            fixture.given(historyOf(WorkStatus.DONE))
                    .when(new ReopenWork(WORK, null, " Still leaking "))
                    .expectEvents(new WorkReopened(WORK, SITE, "Still leaking"));
        }

        @Test
        void reopenedWorkIsInProgressAgain() {
            fixture.given(requested(), planned(), started(), completed(), new WorkReopened(WORK, SITE, "Still leaking"))
                    .when(new CompleteWork(WORK, null, "Second seal fitted"))
                    .expectEvents(new WorkCompleted(WORK, SITE, "Second seal fitted"));
        }

        @Test
        void reopeningNeedsAReason() {
            invalid(fixture.given(historyOf(WorkStatus.DONE)).when(new ReopenWork(WORK, null, null)),
                    "reason", "a reason is required when work is reopened");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyDoneWorkCanBeReopened(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new ReopenWork(WORK, null, "again")),
                    "work.cannot-reopen", "Work w-1 is " + status + "; only DONE work can be reopened");
        }
    }

    // ---- reject, cancel ----

    @Nested
    class Ending {

        @Test
        void requestedWorkCanBeRejectedAndItsDeadlineGoes() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .when(new RejectWork(WORK, null, " Duplicate of w-0 "))
                    .expectEvents(new WorkRejected(WORK, SITE, "Duplicate of w-0"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void rejectingNeedsAReason() {
            invalid(fixture.given(requested()).when(new RejectWork(WORK, null, "")),
                    "reason", "a reason is required when work is rejected");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"PLANNED", "IN_PROGRESS", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyRequestedWorkCanBeRejected(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new RejectWork(WORK, null, "no")),
                    "work.cannot-reject", "Work w-1 is " + status + "; only REQUESTED work can be rejected");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD"})
        void openWorkCanBeCancelled(WorkStatus status) {
            fixture.given(historyOf(status))
                    .when(new CancelWork(WORK, null, " Pump replaced instead "))
                    .expectEvents(new WorkCancelled(WORK, SITE, "Pump replaced instead"));
        }

        @Test
        void blockedWorkCanBeCancelled() {
            fixture.given(requested(), blocker("b-1"))
                    .when(new CancelWork(WORK, null, "Parts will never come"))
                    .expectEvents(new WorkCancelled(WORK, SITE, "Parts will never come"));
        }

        @Test
        void cancellingRemovesTheDeadline() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request(), new PlanWork(WORK, null, START, END, List.of(), null), new StartWork(WORK, null))
                    .when(new CancelWork(WORK, null, "Pump replaced instead"))
                    .expectEvents(new WorkCancelled(WORK, SITE, "Pump replaced instead"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void cancellingNeedsAReason() {
            invalid(fixture.given(requested()).when(new CancelWork(WORK, null, " ")),
                    "reason", "a reason is required when work is cancelled");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void workCannotBeCancelledOnceDoneOrEnded(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new CancelWork(WORK, null, "no")),
                    "work.cannot-cancel", "Work w-1 is " + status + "; only REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD work can be cancelled");
        }
    }

    // ---- blockers ----

    @Nested
    class Blocking {

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD"})
        void openWorkCanBeBlockedWithTypeReasonAndReference(WorkStatus status) {
            fixture.given(historyOf(status))
                    .when(new RaiseBlocker(WORK, "b-1", BlockerType.PARTS, "  Seal kit not delivered ", "PO-77", false))
                    .expectEvents(blocker("b-1"));
        }

        @Test
        void everyBlockerTypeCanBeRaised() {
            for (BlockerType type : BlockerType.values()) {
                fixture.given(requested())
                        .when(new RaiseBlocker(WORK, "b-" + type, type, "reason", " ", false))
                        .expectEvents(new BlockerRaised(WORK, SITE, "b-" + type, type, "reason", null, false));
            }
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void onlyOpenWorkCanBeBlocked(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new RaiseBlocker(WORK, "b-1", BlockerType.ACCESS, "locked", null, false)),
                    "work.not-blockable", "Work w-1 is " + status + "; only open work can be blocked");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void anAutomaticBlockerOnWorkThatIsNoLongerOpenChangesNothing(WorkStatus status) {
            fixture.given(historyOf(status))
                    .when(new RaiseBlocker(WORK, "p-1", BlockerType.PERMIT, "permit suspended", "pt-1", true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aBlockerIdCannotBeUsedTwice() {
            refused(fixture.given(requested(), blocker("b-1")).when(new RaiseBlocker(WORK, "b-1", BlockerType.PARTS, "again", null, false)),
                    "work.blocker-exists", "Work w-1 already has blocker b-1");
            refused(fixture.given(requested(), blocker("b-1"), unblocked("b-1"))
                            .when(new RaiseBlocker(WORK, "b-1", BlockerType.PARTS, "again", null, false)),
                    "work.blocker-exists", "Work w-1 already has blocker b-1");
        }

        @Test
        void automaticBlockersAreIdempotent() {
            String id = Blockers.dependencyBlockerId(WORK, "w-a");
            List<Object> waiting = List.of(requested(List.of(), List.of("w-a")),
                    new BlockerRaised(WORK, SITE, id, BlockerType.OTHER_WORK, "Waits for work w-a to be closed", "w-a", true));
            fixture.given(waiting)
                    .when(new RaiseBlocker(WORK, id, BlockerType.OTHER_WORK, "Waits for work w-a to be closed", "w-a", true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            List<Object> cleared = new ArrayList<>(waiting);
            cleared.add(new BlockerResolved(WORK, SITE, id, BlockerType.OTHER_WORK, "Work w-a is CLOSED", true));
            fixture.given(cleared)
                    .when(new RaiseBlocker(WORK, id, BlockerType.OTHER_WORK, "Waits for work w-a to be closed", "w-a", true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aBlockerNeedsATypeAndAReason() {
            invalid(fixture.given(requested()).when(new RaiseBlocker(WORK, "b-1", null, "reason", null, false)),
                    "type", "a blocker needs a type");
            invalid(fixture.given(requested()).when(new RaiseBlocker(WORK, "b-1", BlockerType.OTHER, " ", null, false)),
                    "reason", "a blocker needs a reason of at most 1000 characters");
            invalid(fixture.given(requested()).when(new RaiseBlocker(WORK, "b-1", BlockerType.OTHER, "r", "x".repeat(201), false)),
                    "reference", "at most 200 characters");
        }

        @Test
        void resolvingABlockerRecordsItsTypeAndNote() {
            fixture.given(requested(), blocker("b-1"))
                    .when(new ResolveBlocker(WORK, "b-1", " Kit arrived ", false))
                    .expectEvents(new BlockerResolved(WORK, SITE, "b-1", BlockerType.PARTS, "Kit arrived", false));
        }

        @Test
        void aDependencyBlockerIsClearedAutomatically() {
            String id = Blockers.dependencyBlockerId(WORK, "w-a");
            fixture.given(requested(List.of(), List.of("w-a")),
                            new BlockerRaised(WORK, SITE, id, BlockerType.OTHER_WORK, "Waits for work w-a to be closed", "w-a", true))
                    .when(new ResolveBlocker(WORK, id, "Work w-a is CLOSED", true))
                    .expectEvents(new BlockerResolved(WORK, SITE, id, BlockerType.OTHER_WORK, "Work w-a is CLOSED", true));
        }

        @Test
        void resolvingAnUnknownBlockerIs404() {
            notFound(fixture.given(requested()).when(new ResolveBlocker(WORK, "b-9", null, false)), "Work w-1 has no blocker b-9");
        }

        @Test
        void resolvingAResolvedBlockerIsRefused() {
            refused(fixture.given(requested(), blocker("b-1"), unblocked("b-1")).when(new ResolveBlocker(WORK, "b-1", null, false)),
                    "work.blocker-resolved", "Blocker b-1 of work w-1 is already resolved");
        }

        @Test
        void automaticResolutionIsIdempotent() {
            fixture.given(requested(), blocker("b-1"), unblocked("b-1"))
                    .when(new ResolveBlocker(WORK, "b-1", null, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(requested())
                    .when(new ResolveBlocker(WORK, "never-raised", null, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---- checklist ----

    @Nested
    class Recording {

        private List<Object> inProgress() {
            return List.of(requested(), planned(), started());
        }

        @Test
        void aReadingWithinLimitsPasses() {
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, 2L, "torque", " 45.50 ", " calibrated wrench "))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "45.50", "Nm", Result.PASSED,
                            "calibrated wrench", true));
        }

        @Test
        void readingOutsideLimitsFailsTheItem() {
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, null, "torque", "39.9", null))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "39.9", "Nm", Result.FAILED, null, true));
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, null, "torque", "50.01", null))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "50.01", "Nm", Result.FAILED, null, true));
        }

        @Test
        void aFailedCheckAndAFailingChoiceFailTheirItems() {
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, null, "leak", "NOK", null))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "leak", "No leak after restart", "false", null, Result.FAILED,
                            null, false));
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, null, "seal", "Damaged", null))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "seal", "Seal condition", "damaged", null, Result.FAILED, null,
                            false));
        }

        @Test
        void textIsRecordedAsIs() {
            fixture.given(inProgress())
                    .when(new RecordChecklistItem(WORK, null, "remarks", " Shaft sleeve worn ", ""))
                    .expectEvents(new ChecklistItemRecorded(WORK, SITE, "remarks", "Remarks", "Shaft sleeve worn", null, Result.RECORDED,
                            null, false));
        }

        @Test
        void recordingAnUnknownItemIs404() {
            notFound(fixture.given(inProgress()).when(new RecordChecklistItem(WORK, null, "vibration", "1", null)),
                    "Work w-1 has no checklist item vibration");
        }

        @Test
        void aValueThatIsNotANumberIsInvalid() {
            invalid(fixture.given(inProgress()).when(new RecordChecklistItem(WORK, null, "torque", "forty", null)),
                    "value", "'forty' is not a number of Nm");
        }

        @Test
        void aMissingValueIsInvalid() {
            invalid(fixture.given(inProgress()).when(new RecordChecklistItem(WORK, null, "leak", " ", null)),
                    "value", "a value is required for checklist item 'No leak after restart'");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"REQUESTED", "PLANNED", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED"})
        void theChecklistIsRecordedOnlyWhileTheWorkIsInProgress(WorkStatus status) {
            refused(fixture.given(historyOf(status)).when(new RecordChecklistItem(WORK, null, "torque", "45", null)),
                    "work.cannot-have-its-checklist-recorded",
                    "Work w-1 is " + status + "; only IN_PROGRESS work can be made to have its checklist recorded");
        }
    }

    // ---- comments ----

    @Nested
    class Commenting {

        @ParameterizedTest
        @EnumSource(WorkStatus.class)
        void workCanBeCommentedOnInEveryStatus(WorkStatus status) {
            fixture.given(historyOf(status))
                    .when(new AddComment(WORK, "c-1", "  Crane booked for Thursday "))
                    .expectEvents(new CommentAdded(WORK, SITE, "c-1", "Crane booked for Thursday"));
        }

        @Test
        void anEmptyCommentIsInvalid() {
            invalid(fixture.given(requested()).when(new AddComment(WORK, "c-1", "  ")),
                    "text", "a comment needs text of at most 4000 characters");
            invalid(fixture.given(requested()).when(new AddComment(WORK, "c-1", "t".repeat(4001))),
                    "text", "a comment needs text of at most 4000 characters");
        }
    }

    // ---- due dates ----

    @Nested
    class Deadlines {

        @Test
        void overdueIsRaisedAtTheDueTimeOnlyWhileOpen() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .whenTimeElapses(Duration.between(NOW, DUE).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadline(DUE, DUE);

            fixture = new AggregateTestFixture<>(Work.class);
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .whenTimeElapses(Duration.between(NOW, DUE))
                    .expectTriggeredDeadlinesWithName(Work.OVERDUE_DEADLINE)
                    .expectTriggeredDeadlines(DUE)
                    .expectEvents(new WorkOverdue(WORK, SITE, DUE, "olga"))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @MethodSource("io.sitework.work.command.WorkTest#openCommands")
        void workThatIsStillOpenBecomesOverdue(List<Object> commands) {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(commands)
                    .whenTimeAdvancesTo(DUE.plusSeconds(60))
                    .expectTriggeredDeadlines(DUE)
                    .expectEvents(new WorkOverdue(WORK, SITE, DUE, "olga"));
        }

        @ParameterizedTest
        @MethodSource("io.sitework.work.command.WorkTest#finishedCommands")
        void workThatIsDoneOrClosedIsNotOverdue(List<Object> commands) {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(commands)
                    .whenTimeAdvancesTo(DUE.plusSeconds(60))
                    .expectTriggeredDeadlines(DUE)
                    .expectNoEvents();
        }

        @Test
        void theOverdueEventNamesTheCurrentOwner() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request(), new AssignWork(WORK, null, "bruno", List.of(), List.of()))
                    .whenTimeAdvancesTo(DUE)
                    .expectEvents(new WorkOverdue(WORK, SITE, DUE, "bruno"));
        }

        @Test
        void replanningMovesTheOverdueToTheNewDueDate() {
            Instant later = DUE.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request(), new PlanWork(WORK, null, START, END, List.of(), later))
                    .whenTimeAdvancesTo(later)
                    .expectTriggeredDeadlines(later)
                    .expectEvents(new WorkOverdue(WORK, SITE, later, "olga"));
        }

        @Test
        void aDeadlineForADueDateThatHasMovedRaisesNothing() {
            Instant later = DUE.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .andGiven(new DueDateChanged(WORK, SITE, later))
                    .whenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlines(DUE)
                    .expectNoEvents();
        }

        @Test
        void overdueIsRaisedOncePerDueDate() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request())
                    .andGiven(new WorkOverdue(WORK, SITE, DUE, "olga"))
                    .whenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlines(DUE)
                    .expectNoEvents();
        }

        @Test
        void rejectingRemovesTheDeadline() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request(), new RejectWork(WORK, null, "Duplicate"))
                    .whenTimeAdvancesTo(DUE.plusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void cancellingRemovesTheDeadline() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(request(), new CancelWork(WORK, null, "No longer needed"))
                    .whenTimeAdvancesTo(DUE.plusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }
    }

    static Stream<List<Object>> openCommands() {
        PlanWork plan = new PlanWork(WORK, null, START, END, List.of(TEAM), null);
        return Stream.of(
                List.of(request()),
                List.of(request(), plan),
                List.of(request(), plan, new StartWork(WORK, null)),
                List.of(request(), plan, new StartWork(WORK, null), new HoldWork(WORK, null, "crane")),
                List.of(request(), plan, new StartWork(WORK, null), new CompleteWork(WORK, null, null), new ReopenWork(WORK, null, "leak")));
    }

    static Stream<List<Object>> finishedCommands() {
        RequestWork request = request("Replace pump seal", List.of(), List.of());
        PlanWork plan = new PlanWork(WORK, null, START, END, List.of(TEAM), null);
        return Stream.of(
                List.of(request, plan, new StartWork(WORK, null), new CompleteWork(WORK, null, null)),
                List.of(request, plan, new StartWork(WORK, null), new CompleteWork(WORK, null, null), new CloseWork(WORK, null, false, null, false)));
    }

    // ---- concurrency ----

    @Test
    void aCommandOnAStaleVersionIsRefusedAndStoresNothing() {
        fixture.given(requested(), planned())
                .when(new StartWork(WORK, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    // ---- coverage of the model: every command, every status ----

    /** A new command or status must be given tests here: this list is the checklist. */
    @Test
    void everyCommandOfTheModelIsCoveredHere() {
        assertThat(Arrays.stream(io.sitework.work.api.WorkCommands.class.getDeclaredClasses()).filter(Class::isRecord)
                .map(Class::getSimpleName))
                .containsExactlyInAnyOrder("RequestWork", "PlanWork", "AssignWork", "StartWork", "HoldWork", "ResumeWork",
                        "CompleteWork", "CloseWork", "ReopenWork", "RejectWork", "CancelWork", "RaiseBlocker", "ResolveBlocker",
                        "RecordChecklistItem", "AddComment", "RecordPermitStatus");
        assertThat(WorkStatus.values()).containsExactly(WorkStatus.REQUESTED, WorkStatus.PLANNED, WorkStatus.IN_PROGRESS,
                WorkStatus.ON_HOLD, WorkStatus.DONE, WorkStatus.CLOSED, WorkStatus.REJECTED, WorkStatus.CANCELLED);
        for (WorkStatus status : WorkStatus.values()) {
            assertThat(historyOf(status)).isNotEmpty();
        }
    }

    @Nested
    class Permits {

        static final String PERMIT = "p-1";

        WorkRequested needingHotWork() {
            return new WorkRequested(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, "Replace pump seal", "Leaking at the shaft",
                    Priority.HIGH, "olga", DUE, List.of("a-1"), null, null, List.of(PermitType.HOT_WORK), List.of(), null, List.of(),
                    List.of(), List.of(), null);
        }

        RecordPermitStatus permit(String status, long sequence) {
            return new RecordPermitStatus(WORK, SITE, PERMIT, PermitType.HOT_WORK, status, sequence);
        }

        PermitLinked linked(String status, long sequence) {
            return new PermitLinked(WORK, SITE, PERMIT, PermitType.HOT_WORK, status, sequence);
        }

        String blockerOf(long sequence) {
            return Blockers.permitBlockerId(WORK, PERMIT, sequence);
        }

        @Test
        void workNeedingAPermitCannotStartWhileNoneCoversIt() {
            refused(fixture.given(needingHotWork(), planned()).when(new StartWork(WORK, null)), "work.permit-missing",
                    "Work w-1 cannot be started: it needs a HOT_WORK permit and none covers it yet");
        }

        @Test
        void workNeedingAPermitCannotStartUntilTheLinkedPermitIsIssuedAndTheRefusalNamesIt() {
            refused(fixture.given(needingHotWork(), planned(), linked("APPROVED", 1)).when(new StartWork(WORK, null)),
                    "work.permit-not-issued", "Work w-1 cannot be started until its HOT_WORK permit is ISSUED: permit p-1 is APPROVED");
        }

        @Test
        void anIssuedPermitLetsTheWorkStart() {
            fixture.given(needingHotWork(), planned(), linked("APPROVED", 1),
                            new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "APPROVED", "ISSUED", 4))
                    .when(new StartWork(WORK, null))
                    .expectEvents(new WorkStarted(WORK, SITE));
        }

        @Test
        void aContractorPunchItemNeedsAGeneralPermitEvenWhenTheRequestNamesNone() {
            RequestWork command = new RequestWork(WORK, SITE, WorkKind.CONTRACTOR_PUNCH_ITEM, "Fix handrail", null, Priority.LOW, null,
                    null, null, null, List.of(), List.of(), List.of(), "c-9", List.of(), List.of(), List.of(), null);
            fixture.givenNoPriorActivity().when(command).expectEvents(new WorkRequested(WORK, SITE, WorkKind.CONTRACTOR_PUNCH_ITEM, "Fix handrail", null,
                    Priority.LOW, null, null, List.of(), null, null, List.of(PermitType.GENERAL), List.of(), "c-9", List.of(), List.of(),
                    List.of(), null));
        }

        @Test
        void theFirstEventOfAPermitLinksIt() {
            fixture.given(needingHotWork())
                    .when(permit("REQUESTED", 0))
                    .expectEvents(linked("REQUESTED", 0));
        }

        @Test
        void aRepeatedOrOlderPermitEventChangesNothing() {
            fixture.given(needingHotWork(), linked("APPROVED", 1))
                    .when(permit("REQUESTED", 0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(needingHotWork(), linked("APPROVED", 1))
                    .when(permit("APPROVED", 1))
                    .expectNoEvents();
        }

        @Test
        void aPermitOfAnotherSiteIsIgnored() {
            fixture.given(needingHotWork())
                    .when(new RecordPermitStatus(WORK, "s-2", PERMIT, PermitType.HOT_WORK, "ISSUED", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSuspendedPermitBlocksWorkInProgressAndReIssueResolvesIt() {
            fixture.given(needingHotWork(), planned(), linked("ISSUED", 4), new WorkStarted(WORK, SITE))
                    .when(permit("SUSPENDED", 5))
                    .expectEvents(new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 5),
                            new BlockerRaised(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is SUSPENDED", PERMIT, true));
            fixture.given(needingHotWork(), planned(), linked("ISSUED", 4), new WorkStarted(WORK, SITE),
                            new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 5),
                            new BlockerRaised(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is SUSPENDED", PERMIT, true))
                    .when(permit("ISSUED", 6))
                    .expectEvents(new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "SUSPENDED", "ISSUED", 6),
                            new BlockerResolved(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is ISSUED again", true));
        }

        @Test
        void workBlockedByASuspendedPermitCannotBeCompleted() {
            refused(fixture.given(needingHotWork(), planned(), linked("ISSUED", 4), new WorkStarted(WORK, SITE),
                            new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 5),
                            new BlockerRaised(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is SUSPENDED", PERMIT, true))
                            .when(new CompleteWork(WORK, null, null)), "work.blocked",
                    "Work w-1 cannot be completed while blocked by 1 open blocker: PERMIT — Permit p-1 (HOT_WORK) is SUSPENDED (p-1)");
        }

        @Test
        void anExpiredPermitBlocksWorkOnHoldAndTheWorkCannotResumeWithoutAnIssuedPermit() {
            fixture.given(needingHotWork(), planned(), linked("ISSUED", 4), new WorkStarted(WORK, SITE), new WorkPutOnHold(WORK, SITE, "break"))
                    .when(permit("EXPIRED", 5))
                    .expectEvents(new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "EXPIRED", 5),
                            new BlockerRaised(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is EXPIRED", PERMIT, true));
        }

        @Test
        void aSuspensionBeforeTheWorkStartedRaisesNoBlockerTheStartCheckSuffices() {
            fixture.given(needingHotWork(), planned(), linked("ISSUED", 4))
                    .when(permit("SUSPENDED", 5))
                    .expectEvents(new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 5));
        }

        @Test
        void aSecondSuspensionBlocksAgainWithANewBlocker() {
            fixture.given(needingHotWork(), planned(), linked("ISSUED", 4), new WorkStarted(WORK, SITE),
                            new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 5),
                            new BlockerRaised(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is SUSPENDED", PERMIT, true),
                            new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "SUSPENDED", "ISSUED", 6),
                            new BlockerResolved(WORK, SITE, blockerOf(5), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is ISSUED again", true))
                    .when(permit("SUSPENDED", 7))
                    .expectEvents(new PermitStatusChanged(WORK, SITE, PERMIT, PermitType.HOT_WORK, "ISSUED", "SUSPENDED", 7),
                            new BlockerRaised(WORK, SITE, blockerOf(7), BlockerType.PERMIT, "Permit p-1 (HOT_WORK) is SUSPENDED", PERMIT, true));
        }
    }
}
