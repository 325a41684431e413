package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.PermitApproved;
import io.sitework.events.context.PermitClosed;
import io.sitework.events.context.PermitIssued;
import io.sitework.events.context.PermitRequested;
import io.sitework.events.work.Assignee;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.BlockerResolved;
import io.sitework.events.work.ChecklistItemRecorded;
import io.sitework.events.work.CommentAdded;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkDueDateChanged;
import io.sitework.events.work.WorkOverdue;
import io.sitework.events.work.WorkPlanned;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkStarted;
import io.sitework.notification.audience.PermitAudience;
import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.NotificationKind;
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

class NotificationPlannerTest {

    private static final Instant DUE = Instant.parse("2026-11-26T16:00:00Z");

    // --- work.requested ---------------------------------------------------------------------------

    @Test
    void aRequestNamingAnOwnerTellsTheOwnerTheWorkIsTheirs() {
        CloudEvent event = event(EventCatalog.WORK_REQUESTED, 0, "u-anna", requested("u-owner", DUE));

        List<Notice> notices = forWork(WorkAudience.empty(WORK, SITE), event);

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.WORK_ASSIGNED);
            assertThat(n.subjectId()).isEqualTo(WORK);
            assertThat(n.link()).isEqualTo("/work/" + WORK);
            assertThat(n.title()).isEqualTo("New work assigned to you: Replace seal");
            assertThat(n.body()).isEqualTo("MAINTENANCE_CORRECTIVE, priority HIGH, due " + DUE + ", requested by u-anna.\n\nLeaking");
            assertThat(n.people()).containsOnlyKeys(AudienceType.OWNER);
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
        });
    }

    @Test
    void aRequestWithoutOwnerTellsNobody() {
        assertThat(forWork(WorkAudience.empty(WORK, SITE), event(EventCatalog.WORK_REQUESTED, 0, "u-anna", requested(null, DUE)))).isEmpty();
    }

    @Test
    void aRequestsBodyLeavesOutWhatItDoesNotKnow() {
        WorkRequested bare = new WorkRequested(WORK, SITE, null, null, "  ", null, "u-owner", null, null, null, null, null, null, null, null,
                null);
        WorkRequested onlyText = new WorkRequested(WORK, SITE, null, "Replace seal", " Leaking \n", null, "u-owner", null, null, null, null,
                null, null, null, null, null);

        Notice bareNotice = forWork(WorkAudience.empty(WORK, SITE), event(EventCatalog.WORK_REQUESTED, 0, "u-anna", bare)).get(0);
        assertThat(bareNotice.title()).as("no title: the work id").isEqualTo("New work assigned to you: work " + WORK);
        assertThat(bareNotice.body()).isEmpty();
        assertThat(forWork(WorkAudience.empty(WORK, SITE), event(EventCatalog.WORK_REQUESTED, 0, "u-anna", onlyText)).get(0).body())
                .isEqualTo("Leaking");
    }

    // --- work.assigned ----------------------------------------------------------------------------

    @Test
    void anAssignmentTellsOnlyTheNewlyNamedPersonAssigneesNotTeamsNorThoseAlreadyAssigned() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of());

        List<Notice> notices = forWork(before, assigned(1, "u-owner", List.of(person("u-carla"), person("u-dan"), new Assignee("TEAM", "team-mech"),
                new Assignee("CONTRACTOR", "c-acme")), List.of()));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.WORK_ASSIGNED);
            assertThat(n.title()).isEqualTo("Work assigned to you: Replace seal");
            assertThat(n.body()).isEqualTo("Assigned by u-anna. It is REQUESTED.");
            assertThat(n.people()).as("the owner did not change").containsOnlyKeys(AudienceType.ASSIGNEES);
            assertThat(n.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-dan");
        });
    }

    @Test
    void aNewOwnerIsToldAndTheOldOneIsNot() {
        List<Notice> notices = forWork(work("u-owner", List.of("u-carla"), List.of()),
                assigned(1, "u-bruno", List.of(person("u-carla")), List.of()));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.people()).containsOnlyKeys(AudienceType.OWNER);
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-bruno");
        });
    }

    @Test
    void anAssignmentThatNamesNobodyNewTellsOnlyTheWatchers() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of());

        assertThat(forWork(before, assigned(1, "u-owner", List.of(person("u-carla")), List.of()))).isEmpty();
        assertThat(forWork(before, assigned(1, null, List.of(), List.of()))).as("owner and assignees removed").isEmpty();
        assertThat(forWork(before, assigned(1, "u-owner", List.of(person("u-carla"), new Assignee("TEAM", "team-new")), List.of("u-wendy"))))
                .extracting(Notice::kind).containsExactly(NotificationKind.WORK_CHANGED);
    }

    @Test
    void planningThatNamesNewPersonAssigneesTellsThemTheWorkIsTheirs() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of());
        CloudEvent planned = event(EventCatalog.WORK_PLANNED, 1, "u-planner", new WorkPlanned(WORK, SITE, T0, T0.plusSeconds(3600),
                List.of(person("u-carla"), person("u-dan"), new Assignee("TEAM", "team-mech")), "u-planner"));
        CloudEvent plannedWithoutPeople = event(EventCatalog.WORK_PLANNED, 1, "u-planner",
                new WorkPlanned(WORK, SITE, T0, T0.plusSeconds(3600), List.of(), "u-planner"));

        assertThat(forWork(before, planned)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.WORK_ASSIGNED);
            assertThat(n.people()).containsOnlyKeys(AudienceType.ASSIGNEES);
            assertThat(n.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-dan");
        });
        assertThat(forWork(before, plannedWithoutPeople)).isEmpty();
    }

    // --- watchers ---------------------------------------------------------------------------------

    @Test
    void watchersHearOfEveryWorkEventAfterTheSpecificKind() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of("u-wendy", "u-xavier"));
        Map<CloudEvent, List<Object>> expected = new LinkedHashMap<>();
        expected.put(event(EventCatalog.WORK_STARTED, 1, "u-carla", new WorkStarted(WORK, SITE, "u-carla")),
                List.of(NotificationKind.WORK_STARTED, "Replace seal: started"));
        expected.put(raised(1, false), List.of(NotificationKind.BLOCKER_RAISED, "Replace seal: blocker raised"));
        expected.put(event(EventCatalog.WORK_BLOCKER_RESOLVED, 1, "u-carla", new BlockerResolved(WORK, SITE, "b-1", "PARTS", null, "u-carla",
                false)), List.of(NotificationKind.BLOCKER_RESOLVED, "Replace seal: blocker resolved"));
        expected.put(event(EventCatalog.WORK_OVERDUE, 1, "sitework", new WorkOverdue(WORK, SITE, DUE, "u-owner")),
                List.of(NotificationKind.OVERDUE, "Replace seal: overdue"));
        expected.put(assigned(1, "u-owner", List.of(person("u-carla"), person("u-dan")), List.of("u-wendy", "u-xavier")),
                List.of(NotificationKind.WORK_ASSIGNED, "Replace seal: assigned"));
        expected.put(event(EventCatalog.WORK_COMPLETED, 1, "u-carla", new WorkCompleted(WORK, SITE, "u-carla", "done")),
                List.of("Replace seal: completed"));
        expected.put(event(EventCatalog.WORK_DUE_DATE_CHANGED, 1, "u-p", new WorkDueDateChanged(WORK, SITE, DUE, "u-p")),
                List.of("Replace seal: due date changed"));
        expected.put(event(EventCatalog.WORK_COMMENT_ADDED, 1, "u-carla", new CommentAdded(WORK, SITE, "c-1", "hello", "u-carla")),
                List.of("Replace seal: comment added"));
        expected.put(event(EventCatalog.WORK_CHECKLIST_ITEM_RECORDED, 1, "u-carla", new ChecklistItemRecorded(WORK, SITE, "i-1", "Pressure",
                "3.2", "bar", "PASS", null, "u-carla")), List.of("Replace seal: checklist item recorded"));

        expected.forEach((event, kindsThenTitle) -> {
            List<Notice> notices = forWork(before, event);
            List<Object> kinds = kindsThenTitle.subList(0, kindsThenTitle.size() - 1);
            assertThat(notices).as(event.type()).hasSize(kinds.size() + 1);
            for (int i = 0; i < kinds.size(); i++) {
                assertThat(notices.get(i).kind()).as(event.type()).isEqualTo(kinds.get(i));
            }
            Notice changed = notices.get(notices.size() - 1);
            assertThat(changed.kind()).as(event.type()).isEqualTo(NotificationKind.WORK_CHANGED);
            assertThat(changed.title()).as(event.type()).isEqualTo(kindsThenTitle.get(kindsThenTitle.size() - 1));
            assertThat(changed.body()).as(event.type()).startsWith("Changed by " + event.actor() + ". It is ");
            assertThat(changed.people()).as(event.type()).containsOnlyKeys(AudienceType.WATCHERS);
            assertThat(changed.peopleOf(AudienceType.WATCHERS)).as(event.type()).containsExactly("u-wendy", "u-xavier");
        });
    }

    @Test
    void theWatchersNamedByAnAssignmentAreTheOnesTold() {
        List<Notice> notices = forWork(work("u-owner", List.of(), List.of("u-wendy")),
                assigned(1, "u-owner", List.of(), List.of("u-xavier")));

        assertThat(notices).singleElement().satisfies(n -> assertThat(n.peopleOf(AudienceType.WATCHERS)).containsExactly("u-xavier"));
    }

    @Test
    void withoutWatchersAnEventWithoutSpecificKindTellsNobody() {
        assertThat(forWork(work("u-owner", List.of("u-carla"), List.of()),
                event(EventCatalog.WORK_COMMENT_ADDED, 1, "u-carla", new CommentAdded(WORK, SITE, "c-1", "hello", "u-carla")))).isEmpty();
    }

    // --- started, blockers, overdue ---------------------------------------------------------------

    @Test
    void startedTellsOwnerAndAssigneesWhoStartedIt() {
        Notice notice = forWork(work("u-owner", List.of("u-carla"), List.of()),
                event(EventCatalog.WORK_STARTED, 1, "u-carla", new WorkStarted(WORK, SITE, "u-carla"))).get(0);

        assertThat(notice.kind()).isEqualTo(NotificationKind.WORK_STARTED);
        assertThat(notice.title()).isEqualTo("Work started: Replace seal");
        assertThat(notice.body()).isEqualTo("Started by u-carla.");
        assertThat(notice.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
        assertThat(notice.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-carla");
    }

    @Test
    void aBlockerRaisedByAPersonNamesThemAndAnAutomaticOneSaysSitework() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of());

        Notice manual = forWork(before, raised(1, false)).get(0);
        Notice automatic = forWork(before, raised(1, true)).get(0);

        assertThat(manual.kind()).isEqualTo(NotificationKind.BLOCKER_RAISED);
        assertThat(manual.title()).isEqualTo("Blocked (PARTS): Replace seal");
        assertThat(manual.body()).isEqualTo("PARTS blocker raised by u-carla: Seal kit not in stock (PO-42)");
        assertThat(automatic.body()).isEqualTo("PARTS blocker raised by Sitework: Seal kit not in stock (PO-42)");
        assertThat(manual.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
        assertThat(manual.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-carla");

        Notice withoutReference = forWork(before, event(EventCatalog.WORK_BLOCKER_RAISED, 1, "u-carla",
                new BlockerRaised(WORK, SITE, "b-1", "ACCESS", "Locked", null, "u-carla", false))).get(0);
        assertThat(withoutReference.body()).isEqualTo("ACCESS blocker raised by u-carla: Locked");
    }

    @Test
    void aResolvedBlockerSaysWhoResolvedItAndWhetherOthersStillBlock() {
        WorkAudience blockedTwice = work("u-owner", List.of("u-carla"), List.of())
                .after(raised(1, false))
                .after(event(EventCatalog.WORK_BLOCKER_RAISED, 2, "u-carla", new BlockerRaised(WORK, SITE, "b-2", "ACCESS", "Locked", null,
                        "u-carla", false)));

        Notice first = forWork(blockedTwice, event(EventCatalog.WORK_BLOCKER_RESOLVED, 3, "u-carla",
                new BlockerResolved(WORK, SITE, "b-1", "PARTS", "kit arrived", "u-carla", false))).get(0);
        WorkAudience blockedOnce = blockedTwice.after(event(EventCatalog.WORK_BLOCKER_RESOLVED, 3, "u-carla",
                new BlockerResolved(WORK, SITE, "b-1", "PARTS", "kit arrived", "u-carla", false)));
        Notice last = forWork(blockedOnce, event(EventCatalog.WORK_BLOCKER_RESOLVED, 4, "sitework",
                new BlockerResolved(WORK, SITE, "b-2", "ACCESS", null, null, true))).get(0);

        assertThat(first.kind()).isEqualTo(NotificationKind.BLOCKER_RESOLVED);
        assertThat(first.title()).isEqualTo("Blocker resolved (PARTS): Replace seal");
        assertThat(first.body()).isEqualTo("Resolved by u-carla: kit arrived. Still blocked by 1.");
        assertThat(last.title()).isEqualTo("Blocker resolved (ACCESS): Replace seal");
        assertThat(last.body()).isEqualTo("Resolved by Sitework. Nothing blocks it any more.");
    }

    @Test
    void overdueTellsOwnerAndAssigneesWhenItWasDue() {
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of())
                .after(event(EventCatalog.WORK_STARTED, 1, "u-carla", new WorkStarted(WORK, SITE, "u-carla")));

        List<Notice> notices = forWork(before, event(EventCatalog.WORK_OVERDUE, 2, "sitework", new WorkOverdue(WORK, SITE, DUE, "u-owner")));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE);
            assertThat(n.title()).isEqualTo("Overdue: Replace seal");
            assertThat(n.body()).isEqualTo("It was due " + DUE + " and is IN_PROGRESS.");
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
            assertThat(n.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-carla");
        });
    }

    // --- work.completed under permits -------------------------------------------------------------

    @Test
    void completedWorkTellsTheHolderAndRequesterOfEachHeldPermit() {
        PermitAudience confined = permit("p-1", "CONFINED_SPACE", "u-rita", "u-henry");
        PermitAudience hot = permit("p-2", "HOT_WORK", null, "u-hilda");
        CloudEvent completed = event(EventCatalog.WORK_COMPLETED, 1, "u-carla", new WorkCompleted(WORK, SITE, "u-carla", "done"));
        WorkAudience before = work("u-owner", List.of("u-carla"), List.of());

        List<Notice> notices = NotificationPlanner.forWork(completed, before, before.after(completed), List.of(confined, hot));

        assertThat(notices).extracting(Notice::kind).containsExactly(NotificationKind.LINKED_WORK_DONE, NotificationKind.LINKED_WORK_DONE);
        Notice first = notices.get(0);
        assertThat(first.subjectId()).isEqualTo("p-1");
        assertThat(first.link()).isEqualTo("/permits/p-1");
        assertThat(first.title()).isEqualTo("Work done under your CONFINED_SPACE permit: Replace seal");
        assertThat(first.body()).startsWith("Completed by u-carla.");
        assertThat(first.peopleOf(AudienceType.PERMIT_HOLDER)).containsExactly("u-henry");
        assertThat(first.peopleOf(AudienceType.PERMIT_REQUESTER)).containsExactly("u-rita");
        assertThat(notices.get(1).title()).isEqualTo("Work done under your HOT_WORK permit: Replace seal");
        assertThat(notices.get(1).people()).containsOnlyKeys(AudienceType.PERMIT_HOLDER);
        assertThat(forWork(before, completed)).as("no permit held: nobody to tell").isEmpty();
    }

    // --- permits ----------------------------------------------------------------------------------

    @Test
    void aPermitRequestIsANoticeForPermitAuthoritiesNamingItsRequester() {
        PermitRequested data = new PermitRequested("p-1", SITE, "CONFINED_SPACE", "REQUESTED", List.of(WORK, "w-2"), List.of(),
                List.of("toxic atmosphere", "engulfment"), List.of("gas test"), T0, T0.plusSeconds(36_000), List.of(), "u-rita");
        CloudEvent event = event(EventCatalog.PERMIT_REQUESTED, 0, "u-rita", data);
        PermitAudience after = new PermitAudience().after(event, data);

        List<Notice> notices = NotificationPlanner.forPermit(event, after);

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.PERMIT_REQUESTED);
            assertThat(n.subjectId()).isEqualTo("p-1");
            assertThat(n.link()).isEqualTo("/permits/p-1");
            assertThat(n.title()).isEqualTo("CONFINED_SPACE permit requested");
            assertThat(n.body()).isEqualTo("Requested by u-rita for 2 work item(s), valid " + T0 + " to " + T0.plusSeconds(36_000)
                    + ". Hazards: toxic atmosphere, engulfment.");
            assertThat(n.people()).containsOnlyKeys(AudienceType.PERMIT_REQUESTER);
            assertThat(n.peopleOf(AudienceType.PERMIT_REQUESTER)).containsExactly("u-rita");
        });
        PermitRequested noHazards = new PermitRequested("p-1", SITE, "GENERAL", "REQUESTED", null, null, null, null, T0, T0, null, "u-rita");
        CloudEvent plain = event(EventCatalog.PERMIT_REQUESTED, 0, "u-rita", noHazards);
        assertThat(NotificationPlanner.forPermit(plain, new PermitAudience().after(plain, noHazards)).get(0).body())
                .isEqualTo("Requested by u-rita for 0 work item(s), valid " + T0 + " to " + T0 + ".");
    }

    @Test
    void otherPermitEventsTellNobody() {
        PermitAudience known = permit("p-1", "CONFINED_SPACE", "u-rita", null);
        PermitApproved approved = new PermitApproved("p-1", SITE, "CONFINED_SPACE", "APPROVED", List.of(WORK), "u-paula");
        PermitIssued issued = new PermitIssued("p-1", SITE, "CONFINED_SPACE", "ISSUED", List.of(WORK), "u-paula", "u-henry", T0);
        PermitClosed closed = new PermitClosed("p-1", SITE, "CONFINED_SPACE", "CLOSED", List.of(WORK), "u-paula");

        assertThat(NotificationPlanner.forPermit(event(EventCatalog.PERMIT_APPROVED, 1, "u-paula", approved), known)).isEmpty();
        assertThat(NotificationPlanner.forPermit(event(EventCatalog.PERMIT_ISSUED, 2, "u-paula", issued), known)).isEmpty();
        assertThat(NotificationPlanner.forPermit(event(EventCatalog.PERMIT_CLOSED, 3, "u-paula", closed), known)).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static List<Notice> forWork(WorkAudience before, CloudEvent event) {
        return NotificationPlanner.forWork(event, before, before.after(event), List.of());
    }

    /** Requested (sequence 0) and then assigned as given, unless nobody is named. */
    private static WorkAudience work(String owner, List<String> assignees, List<String> watchers) {
        WorkAudience requested = WorkAudience.empty(WORK, SITE).after(event(EventCatalog.WORK_REQUESTED, 0, "u-anna", requested(owner, DUE)));
        requested.assignees = new java.util.ArrayList<>(assignees);
        requested.watchers = new java.util.ArrayList<>(watchers);
        return requested;
    }

    private static CloudEvent assigned(long sequence, String owner, List<Assignee> assignees, List<String> watchers) {
        return event(EventCatalog.WORK_ASSIGNED, sequence, "u-anna", new WorkAssigned(WORK, SITE, owner, assignees, watchers, "u-anna"));
    }

    private static CloudEvent raised(long sequence, boolean automatic) {
        return event(EventCatalog.WORK_BLOCKER_RAISED, sequence, automatic ? "sitework" : "u-carla",
                new BlockerRaised(WORK, SITE, "b-1", "PARTS", "Seal kit not in stock", "PO-42", automatic ? null : "u-carla", automatic));
    }

    private static Assignee person(String id) {
        return new Assignee("PERSON", id);
    }

    private static PermitAudience permit(String id, String type, String requestedBy, String holderId) {
        PermitAudience permit = new PermitAudience();
        permit.id = id;
        permit.siteId = SITE;
        permit.permitType = type;
        permit.status = "ISSUED";
        permit.requestedBy = requestedBy;
        permit.holderId = holderId;
        permit.workIds = new java.util.ArrayList<>(List.of(WORK));
        return permit;
    }
}
