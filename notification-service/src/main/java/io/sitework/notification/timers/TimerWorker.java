package io.sitework.notification.timers;

import io.sitework.notification.audience.AudienceStore;
import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.config.NotificationProperties;
import io.sitework.notification.process.Deliverer;
import io.sitework.notification.process.Notice;
import io.sitework.notification.process.NotificationPlanner;
import io.sitework.notification.process.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fires due timers: checks that what the timer was set for still holds (the work is still open, its
 * due instant unchanged, the blocker still open) and, if so, delivers its notice; otherwise the timer
 * is stale and nobody is told. A timer is marked done only after its deliveries are stored, so a crash
 * fires it again after its lease, and the deliveries' ids make that repeat harmless.
 */
@Component
public class TimerWorker {

    /** The trigger type of timer notifications in the inbox (they are not integration events). */
    public static final String TRIGGER_TYPE_PREFIX = "io.sitework.notification.timer.";

    private static final Logger log = LoggerFactory.getLogger(TimerWorker.class);

    private final TimerStore timers;
    private final AudienceStore audiences;
    private final Deliverer deliverer;
    private final Clock clock;
    private final NotificationProperties.Timers settings;

    public TimerWorker(TimerStore timers, AudienceStore audiences, Deliverer deliverer, Clock clock, NotificationProperties properties) {
        this.timers = timers;
        this.audiences = audiences;
        this.deliverer = deliverer;
        this.clock = clock;
        this.settings = properties.timers();
    }

    @Scheduled(fixedDelayString = "${sitework.notification.timers.poll-interval:PT5S}")
    public void scheduled() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Timers not fired this time: {}", e.toString());
        }
    }

    /** Fires every timer due now; returns how many it fired (stale ones not counted). */
    public int tick() {
        int fired = 0;
        Optional<Timer> next;
        while ((next = timers.claimDue(clock.instant(), settings.lease())).isPresent()) {
            Timer timer = next.get();
            Optional<Notice> notice = audiences.work(timer.workId()).flatMap(work -> noticeFor(timer, work, clock.instant()));
            if (notice.isPresent()) {
                Trigger trigger = new Trigger(timer.id(), TRIGGER_TYPE_PREFIX + timer.kind().name().toLowerCase(), timer.siteId(),
                        timer.fireAt(), null, null);
                deliverer.deliver(trigger, List.of(notice.get()));
                timers.finish(timer.id(), "FIRED", clock.instant());
                fired++;
            } else {
                log.debug("Timer {} is stale; nobody told", timer.id());
                timers.finish(timer.id(), "STALE", clock.instant());
            }
        }
        return fired;
    }

    /** The notice if what the timer was set for still holds. */
    static Optional<Notice> noticeFor(Timer timer, WorkAudience work, Instant now) {
        if (work.finished()) {
            return Optional.empty();
        }
        switch (timer.kind()) {
            case DUE_SOON:
                return timer.sequence() == work.dueSequence && timer.dueAt().equals(work.dueAt) && now.isBefore(timer.dueAt())
                        ? Optional.of(NotificationPlanner.dueSoon(work, timer.dueAt())) : Optional.empty();
            case OVERDUE_ESCALATION:
                return timer.dueAt().equals(work.dueAt) && !now.isBefore(timer.dueAt())
                        ? Optional.of(NotificationPlanner.overdueEscalated(work, timer.dueAt())) : Optional.empty();
            case BLOCKED_ESCALATION:
                return work.openBlockers.stream()
                        .filter(b -> b.blockerId.equals(timer.blockerId()) && b.raisedSequence == timer.sequence()).findFirst()
                        .map(b -> NotificationPlanner.blockedEscalated(work, b));
            default:
                return Optional.empty();
        }
    }
}
