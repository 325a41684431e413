package io.sitework.notification.audience;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.Assignee;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.BlockerResolved;
import io.sitework.events.work.CommentAdded;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkCancelled;
import io.sitework.events.work.WorkClosed;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkDueDateChanged;
import io.sitework.events.work.WorkPlanned;
import io.sitework.events.work.WorkPutOnHold;
import io.sitework.events.work.WorkRejected;
import io.sitework.events.work.WorkReopened;
import io.sitework.events.work.WorkResumed;
import io.sitework.events.work.WorkStarted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sitework.notification.UnitEvents.SITE;
import static io.sitework.notification.UnitEvents.T0;
import static io.sitework.notification.UnitEvents.WORK;
import static io.sitework.notification.UnitEvents.event;
import static io.sitework.notification.UnitEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

class WorkAudienceTest {

    private static final Instant DUE = Instant.parse("2026-11-26T16:00:00Z");

    private final WorkAudience requested = WorkAudience.empty(WORK, SITE)
            .after(event(EventCatalog.WORK_REQUESTED, 0, "u-anna", requested("u-owner", DUE)));

    @Test
    void aRequestNamesTheWorkItsOwnerAndDueInstant() {
        assertThat(requested.id).isEqualTo(WORK);
        assertThat(requested.siteId).isEqualTo(SITE);
        assertThat(requested.title).isEqualTo("Replace seal");
        assertThat(requested.kind).isEqualTo("MAINTENANCE_CORRECTIVE");
        assertThat(requested.ownerId).isEqualTo("u-owner");
        assertThat(requested.dueAt).isEqualTo(DUE);
        assertThat(requested.status).isEqualTo("REQUESTED");
        assertThat(requested.assignees).isEmpty();
        assertThat(requested.watchers).isEmpty();
        assertThat(requested.lastSequence).isZero();
        assertThat(requested.finished()).isFalse();
    }

    @Test
    void aViewWithoutSiteTakesTheEventsSiteAndAKnownSiteIsKept() {
        WorkAudience unknown = new WorkAudience();
        unknown.id = WORK;
        assertThat(unknown.after(event(EventCatalog.WORK_STARTED, 1, "u-tech", new WorkStarted(WORK, SITE, "u-tech"))).siteId)
                .isEqualTo(SITE);
        WorkAudience elsewhere = WorkAudience.empty(WORK, "site-kept");
        assertThat(elsewhere.after(event(EventCatalog.WORK_STARTED, 1, "u-tech", new WorkStarted(WORK, SITE, "u-tech"))).siteId)
                .isEqualTo("site-kept");
    }

    @Test
    void eachLifecycleEventSetsItsStatusAndOnlyTheEndsAreFinished() {
        Map<CloudEvent, String> statusAfter = new LinkedHashMap<>();
        statusAfter.put(event(EventCatalog.WORK_PLANNED, 1, "u-p", new WorkPlanned(WORK, SITE, T0, T0.plusSeconds(3600), List.of(), "u-p")),
                "PLANNED");
        statusAfter.put(event(EventCatalog.WORK_STARTED, 2, "u-t", new WorkStarted(WORK, SITE, "u-t")), "IN_PROGRESS");
        statusAfter.put(event(EventCatalog.WORK_PUT_ON_HOLD, 3, "u-t", new WorkPutOnHold(WORK, SITE, "rain", "u-t")), "ON_HOLD");
        statusAfter.put(event(EventCatalog.WORK_RESUMED, 4, "u-t", new WorkResumed(WORK, SITE, "u-t")), "IN_PROGRESS");
        statusAfter.put(event(EventCatalog.WORK_COMPLETED, 5, "u-t", new WorkCompleted(WORK, SITE, "u-t", "done")), "DONE");
        statusAfter.put(event(EventCatalog.WORK_REOPENED, 6, "u-s", new WorkReopened(WORK, SITE, "leaks again", "u-s")), "IN_PROGRESS");
        statusAfter.put(event(EventCatalog.WORK_CLOSED, 7, "u-s", new WorkClosed(WORK, SITE, "u-s", false, null)), "CLOSED");
        statusAfter.put(event(EventCatalog.WORK_REJECTED, 8, "u-s", new WorkRejected(WORK, SITE, "duplicate", "u-s")), "REJECTED");
        statusAfter.put(event(EventCatalog.WORK_CANCELLED, 9, "u-s", new WorkCancelled(WORK, SITE, "not needed", "u-s")), "CANCELLED");

        statusAfter.forEach((event, status) -> {
            WorkAudience after = requested.after(event);
            assertThat(after.status).as(event.type()).isEqualTo(status);
            assertThat(after.finished()).as(event.type())
                    .isEqualTo(List.of("DONE", "CLOSED", "REJECTED", "CANCELLED").contains(status));
            assertThat(after.lastSequence).as(event.type()).isEqualTo(event.sequence());
        });
    }

    @Test
    void anEventThatIsNoStatusChangeKeepsTheStatusButMovesTheSequence() {
        WorkAudience after = requested.after(event(EventCatalog.WORK_COMMENT_ADDED, 5, "u-t", new CommentAdded(WORK, SITE, "c-1", "hi", "u-t")));

        assertThat(after.status).isEqualTo("REQUESTED");
        assertThat(after.lastSequence).isEqualTo(5);
    }

    @Test
    void anAssignmentReplacesOwnerPersonAssigneesAndWatchersAndIgnoresTeamsAndContractors() {
        WorkAudience assigned = requested.after(event(EventCatalog.WORK_ASSIGNED, 1, "u-anna", new WorkAssigned(WORK, SITE, "u-bruno",
                List.of(new Assignee("PERSON", "u-carla"), new Assignee("TEAM", "team-mech"), new Assignee("CONTRACTOR", "c-acme"),
                        new Assignee("PERSON", "u-carla"), new Assignee("PERSON", null), new Assignee("PERSON", "u-dan")),
                List.of("u-wendy"), "u-anna")));

        assertThat(assigned.ownerId).isEqualTo("u-bruno");
        assertThat(assigned.assignees).containsExactly("u-carla", "u-dan");
        assertThat(assigned.watchers).containsExactly("u-wendy");

        WorkAudience reassigned = assigned.after(event(EventCatalog.WORK_ASSIGNED, 2, "u-anna",
                new WorkAssigned(WORK, SITE, null, List.of(new Assignee("PERSON", "u-dan")), List.of(), "u-anna")));
        assertThat(reassigned.ownerId).as("the owner was removed").isNull();
        assertThat(reassigned.assignees).containsExactly("u-dan");
        assertThat(reassigned.watchers).isEmpty();
    }

    @Test
    void planningWithPersonAssigneesMakesThemTheAssigneesAndPlanningWithoutKeepsThem() {
        WorkAudience assigned = requested.after(event(EventCatalog.WORK_ASSIGNED, 1, "u-anna", new WorkAssigned(WORK, SITE, "u-owner",
                List.of(new Assignee("PERSON", "u-carla")), List.of(), "u-anna")));

        WorkAudience planned = assigned.after(event(EventCatalog.WORK_PLANNED, 2, "u-planner", new WorkPlanned(WORK, SITE, T0,
                T0.plusSeconds(3600), List.of(new Assignee("PERSON", "u-dan"), new Assignee("TEAM", "team-mech")), "u-planner")));
        assertThat(planned.assignees).as("work-service's own view takes the planned assignees too").containsExactly("u-dan");
        assertThat(planned.status).isEqualTo("PLANNED");

        WorkAudience replanned = planned.after(event(EventCatalog.WORK_PLANNED, 3, "u-planner",
                new WorkPlanned(WORK, SITE, T0, T0.plusSeconds(7200), List.of(), "u-planner")));
        assertThat(replanned.assignees).as("planning that names nobody leaves the assignees").containsExactly("u-dan");
    }

    @Test
    void aBlockerRaisedTwiceIsOneOpenBlockerAndAResolutionClosesOnlyItsOwn() {
        WorkAudience once = requested.after(raised(1, "b-1", "PARTS", "No seal kit"));
        WorkAudience twice = once.after(raised(2, "b-1", "PARTS", "Still no seal kit"));
        WorkAudience two = twice.after(raised(3, "b-2", "ACCESS", "Locked"));

        assertThat(once.openBlockers).singleElement().satisfies(b -> {
            assertThat(b.blockerId).isEqualTo("b-1");
            assertThat(b.type).isEqualTo("PARTS");
            assertThat(b.reason).isEqualTo("No seal kit");
            assertThat(b.raisedBy).isEqualTo("u-tech");
            assertThat(b.raisedAt).as("the event's time").isEqualTo(T0.plusSeconds(1));
        });
        assertThat(twice.openBlockers).singleElement().satisfies(b -> assertThat(b.reason).isEqualTo("Still no seal kit"));
        assertThat(two.openBlockers).extracting(b -> b.blockerId).containsExactly("b-1", "b-2");

        WorkAudience resolved = two.after(resolved(4, "b-1"));
        assertThat(resolved.openBlockers).extracting(b -> b.blockerId).containsExactly("b-2");
        assertThat(resolved.after(resolved(5, "b-unknown")).openBlockers).extracting(b -> b.blockerId).containsExactly("b-2");
        assertThat(resolved.after(resolved(6, "b-2")).openBlockers).isEmpty();
    }

    @Test
    void aDueDateChangeMovesTheDueInstantAndNothingElse() {
        Instant later = DUE.plusSeconds(86_400);
        WorkAudience moved = requested.after(event(EventCatalog.WORK_DUE_DATE_CHANGED, 1, "u-p", new WorkDueDateChanged(WORK, SITE, later, "u-p")));

        assertThat(moved.dueAt).isEqualTo(later);
        assertThat(moved.status).isEqualTo("REQUESTED");
        assertThat(moved.ownerId).isEqualTo("u-owner");
        assertThat(moved.after(event(EventCatalog.WORK_DUE_DATE_CHANGED, 2, "u-p", new WorkDueDateChanged(WORK, SITE, null, "u-p"))).dueAt)
                .as("a due date removed").isNull();
    }

    @Test
    void theViewBeforeTheEventIsLeftUnchanged() {
        WorkAudience before = requested.after(event(EventCatalog.WORK_ASSIGNED, 1, "u-anna", new WorkAssigned(WORK, SITE, "u-owner",
                List.of(new Assignee("PERSON", "u-carla")), List.of("u-wendy"), "u-anna"))).after(raised(2, "b-1", "PARTS", "No kit"));

        before.after(event(EventCatalog.WORK_ASSIGNED, 3, "u-anna", new WorkAssigned(WORK, SITE, "u-new",
                List.of(new Assignee("PERSON", "u-dan")), List.of("u-xavier"), "u-anna")));
        before.after(raised(4, "b-2", "ACCESS", "Locked"));
        before.after(resolved(5, "b-1"));
        before.after(event(EventCatalog.WORK_STARTED, 6, "u-t", new WorkStarted(WORK, SITE, "u-t")));
        before.after(event(EventCatalog.WORK_DUE_DATE_CHANGED, 7, "u-p", new WorkDueDateChanged(WORK, SITE, T0, "u-p")));

        assertThat(before.ownerId).isEqualTo("u-owner");
        assertThat(before.assignees).containsExactly("u-carla");
        assertThat(before.watchers).containsExactly("u-wendy");
        assertThat(before.openBlockers).extracting(b -> b.blockerId).containsExactly("b-1");
        assertThat(before.status).isEqualTo("REQUESTED");
        assertThat(before.dueAt).isEqualTo(DUE);
        assertThat(before.lastSequence).isEqualTo(2);
    }

    @Test
    void theLabelIsTheTitleOrTheWorkId() {
        assertThat(requested.label()).isEqualTo("Replace seal");
        assertThat(WorkAudience.empty(WORK, SITE).label()).isEqualTo("work " + WORK);
        WorkAudience blank = WorkAudience.empty(WORK, SITE);
        blank.title = "  ";
        assertThat(blank.label()).isEqualTo("work " + WORK);
    }

    private static CloudEvent raised(long sequence, String blockerId, String type, String reason) {
        return event(EventCatalog.WORK_BLOCKER_RAISED, sequence, "u-tech",
                new BlockerRaised(WORK, SITE, blockerId, type, reason, null, "u-tech", false));
    }

    private static CloudEvent resolved(long sequence, String blockerId) {
        return event(EventCatalog.WORK_BLOCKER_RESOLVED, sequence, "u-tech",
                new BlockerResolved(WORK, SITE, blockerId, "PARTS", "arrived", "u-tech", false));
    }
}
