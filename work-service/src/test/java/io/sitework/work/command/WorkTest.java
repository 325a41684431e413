package io.sitework.work.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkCommands.StartWork;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class WorkTest {

    private static final String WORK = "w-1";
    private static final String SITE = "s-1";
    private static final Instant DUE = Instant.parse("2026-12-01T16:00:00Z");

    private FixtureConfiguration<Work> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Work.class);
    }

    private static WorkRequested requested() {
        return new WorkRequested(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, "Replace seal", "Leaking", Priority.HIGH,
                "bruno", DUE, List.of("a-1"));
    }

    @Test
    void requestingWorkRecordsTheRequest() {
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, WorkKind.MAINTENANCE_CORRECTIVE, "  Replace seal ", "Leaking", Priority.HIGH,
                        "bruno", DUE, List.of("a-1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void blankDescriptionIsStoredAsAbsent() {
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, WorkKind.ROUND, "Night round", "   ", Priority.LOW, null, null, null))
                .expectEvents(new WorkRequested(WORK, SITE, WorkKind.ROUND, "Night round", null, Priority.LOW, null, null, List.of()));
    }

    @Test
    void cannotRequestWorkWithoutATitle() {
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, WorkKind.CLEANING, " ", null, Priority.LOW, null, null, List.of()))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Work cannot be requested: a title is required")
                .expectNoEvents();
    }

    @Test
    void cannotRequestWorkWithoutAKindOrPriorityOrSite() {
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, null, "t", null, Priority.LOW, null, null, List.of()))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, WorkKind.OTHER, "t", null, null, null, null, List.of()))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, null, WorkKind.OTHER, "t", null, Priority.LOW, null, null, List.of()))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotRequestWorkWithAnOverlongTitle() {
        fixture.givenNoPriorActivity()
                .when(new RequestWork(WORK, SITE, WorkKind.OTHER, "x".repeat(201), null, Priority.LOW, null, null, List.of()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void requestedWorkCanBeStarted() {
        fixture.given(requested())
                .when(new StartWork(WORK, null))
                .expectEvents(new WorkStarted(WORK, SITE));
    }

    @Test
    void workInProgressCannotBeStartedAgain() {
        fixture.given(requested(), new WorkStarted(WORK, SITE))
                .when(new StartWork(WORK, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Work w-1 is IN_PROGRESS; only REQUESTED or PLANNED work can be started")
                .expectNoEvents();
    }

    @Test
    void doneWorkCannotBeStarted() {
        fixture.given(requested(), new WorkStarted(WORK, SITE), new WorkCompleted(WORK, SITE, null))
                .when(new StartWork(WORK, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotCompleteWorkThatHasNotStarted() {
        fixture.given(requested())
                .when(new CompleteWork(WORK, null, "done"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Work w-1 is REQUESTED; only IN_PROGRESS work can be completed")
                .expectNoEvents();
    }

    @Test
    void workInProgressCanBeCompletedWithAnOutcome() {
        fixture.given(requested(), new WorkStarted(WORK, SITE))
                .when(new CompleteWork(WORK, null, " Seal replaced "))
                .expectEvents(new WorkCompleted(WORK, SITE, "Seal replaced"));
    }

    @Test
    void completedWorkCannotBeCompletedAgain() {
        fixture.given(requested(), new WorkStarted(WORK, SITE), new WorkCompleted(WORK, SITE, null))
                .when(new CompleteWork(WORK, null, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
