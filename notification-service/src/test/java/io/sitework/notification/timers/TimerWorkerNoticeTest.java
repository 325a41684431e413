package io.sitework.notification.timers;

import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.process.Notice;
import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.NotificationKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.sitework.notification.UnitEvents.SITE;
import static io.sitework.notification.UnitEvents.WORK;
import static org.assertj.core.api.Assertions.assertThat;

class TimerWorkerNoticeTest {

    private static final Instant DUE = Instant.parse("2026-11-26T16:00:00Z");
    private static final Instant RAISED = Instant.parse("2026-11-25T08:00:00Z");

    /** The due date was set by the work's event 0, the blocker raised by event 3, the overdue event is 5. */
    private final Timer dueSoon = Timer.dueSoon(WORK, SITE, DUE, 0, DUE.minusSeconds(86_400));
    private final Timer overdue = Timer.overdueEscalation(WORK, SITE, DUE, 5, DUE.plusSeconds(4 * 3600));
    private final Timer blocked = Timer.blockedEscalation(WORK, SITE, "b-1", 3, RAISED.plusSeconds(86_400));

    @Test
    void dueSoonRemindsOwnerAndAssigneesBeforeTheDueInstant() {
        Optional<Notice> notice = TimerWorker.noticeFor(dueSoon, work("IN_PROGRESS", DUE), DUE.minusSeconds(1));

        assertThat(notice).get().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DUE_SOON);
            assertThat(n.subjectId()).isEqualTo(WORK);
            assertThat(n.link()).isEqualTo("/work/" + WORK);
            assertThat(n.title()).isEqualTo("Due soon: Replace seal");
            assertThat(n.body()).isEqualTo("Due " + DUE + "; it is IN_PROGRESS.");
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
            assertThat(n.peopleOf(AudienceType.ASSIGNEES)).containsExactly("u-carla");
        });
        WorkAudience blockedWork = withBlocker(work("IN_PROGRESS", DUE), "b-1", "PARTS");
        assertThat(TimerWorker.noticeFor(dueSoon, blockedWork, DUE.minusSeconds(3600))).get().extracting(Notice::body)
                .isEqualTo("Due " + DUE + "; it is IN_PROGRESS. Blocked by [PARTS].");
    }

    @Test
    void dueSoonIsStaleAtOrAfterTheDueInstantOrOnceTheDueInstantMoved() {
        assertThat(TimerWorker.noticeFor(dueSoon, work("IN_PROGRESS", DUE), DUE)).isEmpty();
        assertThat(TimerWorker.noticeFor(dueSoon, work("IN_PROGRESS", DUE), DUE.plusSeconds(60))).isEmpty();
        assertThat(TimerWorker.noticeFor(dueSoon, work("IN_PROGRESS", DUE.plusSeconds(86_400)), DUE.minusSeconds(3600))).isEmpty();
        assertThat(TimerWorker.noticeFor(dueSoon, work("IN_PROGRESS", null), DUE.minusSeconds(3600))).as("no due date any more").isEmpty();
        WorkAudience setAgain = work("IN_PROGRESS", DUE);
        setAgain.dueSequence = 4;
        assertThat(TimerWorker.noticeFor(dueSoon, setAgain, DUE.minusSeconds(3600)))
                .as("moved away and back: the later setting's own timer reminds, not this one").isEmpty();
    }

    @Test
    void overdueEscalationGoesOutAtOrAfterTheDueInstantWhileItIsUnchanged() {
        assertThat(TimerWorker.noticeFor(overdue, work("IN_PROGRESS", DUE), DUE)).get().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE_ESCALATED);
            assertThat(n.title()).isEqualTo("Still overdue: Replace seal");
            assertThat(n.body()).isEqualTo("Due " + DUE + ", still IN_PROGRESS, owner u-owner.");
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
        });
        assertThat(TimerWorker.noticeFor(overdue, work("ON_HOLD", DUE), DUE.plusSeconds(4 * 3600))).isPresent();
        assertThat(TimerWorker.noticeFor(overdue, work("IN_PROGRESS", DUE), DUE.minusSeconds(1))).isEmpty();
        assertThat(TimerWorker.noticeFor(overdue, work("IN_PROGRESS", DUE.plusSeconds(86_400)), DUE.plusSeconds(4 * 3600)))
                .as("re-planned: a new due instant").isEmpty();
    }

    @Test
    void blockedEscalationGoesOutOnlyWhileThatBlockerIsOpen() {
        WorkAudience stillBlocked = withBlocker(withBlocker(work("IN_PROGRESS", DUE), "b-0", "ACCESS"), "b-1", "PARTS");

        assertThat(TimerWorker.noticeFor(blocked, stillBlocked, RAISED.plusSeconds(86_400))).get().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.BLOCKED_ESCALATED);
            assertThat(n.title()).isEqualTo("Blocked too long (PARTS): Replace seal");
            assertThat(n.body()).isEqualTo("Blocked since " + RAISED + " by a PARTS blocker: no kit. Owner u-owner.");
            assertThat(n.peopleOf(AudienceType.OWNER)).containsExactly("u-owner");
        });
        assertThat(TimerWorker.noticeFor(blocked, withBlocker(work("IN_PROGRESS", DUE), "b-2", "ACCESS"), RAISED.plusSeconds(86_400)))
                .as("another blocker is open, not this one").isEmpty();
        assertThat(TimerWorker.noticeFor(blocked, work("IN_PROGRESS", DUE), RAISED.plusSeconds(86_400))).isEmpty();
        WorkAudience raisedAgain = withBlocker(work("IN_PROGRESS", DUE), "b-1", "PARTS");
        raisedAgain.openBlockers.get(0).raisedSequence = 9;
        assertThat(TimerWorker.noticeFor(blocked, raisedAgain, RAISED.plusSeconds(86_400)))
                .as("resolved and raised again: its new raise has its own timer").isEmpty();
    }

    @Test
    void finishedWorkTellsNobody() {
        for (String status : List.of("DONE", "CLOSED", "REJECTED", "CANCELLED")) {
            WorkAudience finished = withBlocker(work(status, DUE), "b-1", "PARTS");
            assertThat(TimerWorker.noticeFor(dueSoon, finished, DUE.minusSeconds(3600))).as(status).isEmpty();
            assertThat(TimerWorker.noticeFor(overdue, finished, DUE.plusSeconds(4 * 3600))).as(status).isEmpty();
            assertThat(TimerWorker.noticeFor(blocked, finished, RAISED.plusSeconds(86_400))).as(status).isEmpty();
        }
    }

    @Test
    void aTimersIdNamesWhatItChecks() {
        assertThat(Timer.dueSoon(WORK, SITE, DUE, 0, DUE.minusSeconds(1)).id()).as("the fire time is not part of it")
                .isEqualTo(dueSoon.id());
        assertThat(Timer.dueSoon(WORK, SITE, DUE, 4, DUE).id()).as("set again by a later event").isNotEqualTo(dueSoon.id());
        assertThat(Timer.dueSoon("w-2", SITE, DUE, 0, DUE).id()).isNotEqualTo(dueSoon.id());
        assertThat(Timer.overdueEscalation(WORK, SITE, DUE, 0, DUE).id()).isNotEqualTo(dueSoon.id());
        assertThat(Timer.blockedEscalation(WORK, SITE, "b-1", 9, RAISED).id()).as("raised again").isNotEqualTo(blocked.id());
        assertThat(Timer.blockedEscalation(WORK, SITE, "b-1", 3, RAISED).id()).isEqualTo(blocked.id());
        assertThat(List.of(dueSoon, overdue, blocked)).allSatisfy(t -> assertThat(t.status()).isEqualTo("PENDING"));
    }

    private static WorkAudience work(String status, Instant dueAt) {
        WorkAudience work = WorkAudience.empty(WORK, SITE);
        work.title = "Replace seal";
        work.ownerId = "u-owner";
        work.assignees.add("u-carla");
        work.status = status;
        work.dueAt = dueAt;
        work.dueSequence = dueAt == null ? -1 : 0;
        return work;
    }

    private static WorkAudience withBlocker(WorkAudience work, String blockerId, String type) {
        WorkAudience.OpenBlocker blocker = new WorkAudience.OpenBlocker();
        blocker.blockerId = blockerId;
        blocker.type = type;
        blocker.reason = "no kit";
        blocker.raisedBy = "u-carla";
        blocker.raisedAt = RAISED;
        blocker.raisedSequence = 3;
        work.openBlockers.add(blocker);
        return work;
    }
}
