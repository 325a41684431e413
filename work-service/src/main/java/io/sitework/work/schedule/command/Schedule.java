package io.sitework.work.schedule.command;

import io.sitework.support.axon.Deadlines;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.ScheduleCommands.CreateSchedule;
import io.sitework.work.schedule.api.ScheduleCommands.PauseSchedule;
import io.sitework.work.schedule.api.ScheduleCommands.ResumeSchedule;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleCreated;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.ScheduleEvents.SchedulePaused;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleResumed;
import io.sitework.work.schedule.api.WorkTemplate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Recurring work: a work template and a calendar in the site's time zone. Each occurrence is a
 * persistent Axon deadline (db-scheduler: it survives restarts) carrying its instant; firing it
 * records {@link ScheduleOccurred} and sets the deadline of the next occurrence, in one transaction.
 * A process turns each {@code ScheduleOccurred} into a work request whose id derives from the
 * schedule and the occurrence, so no occurrence can create two work items.
 *
 * <p>Missed occurrences (the service was down when they fell due): the late deadline catches up with
 * <em>at most one</em> occurrence, the most recent one due, and records the first skipped one in
 * {@code missedSince}; the next deadline is the first occurrence after now. Occurrences falling while
 * the schedule is paused are not made up.
 */
@Aggregate(snapshotTriggerDefinition = "workSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Schedule {

    static final String OCCURRENCE_DEADLINE = "schedule-occurrence";

    @AggregateIdentifier
    private String scheduleId;
    private String siteId;
    private String timeZone;
    private Recurrence recurrence;
    private WorkTemplate template;
    private boolean active;
    private Instant nextOccurrence;

    protected Schedule() {
        // for Axon
    }

    @CommandHandler
    public Schedule(CreateSchedule command, DeadlineManager deadlines, Clock clock) {
        ScheduleRules.validate(command);
        ZoneId zone = ScheduleRules.zone(command.timeZone());
        Recurrence recurrence = ScheduleRules.normalise(command.recurrence());
        Instant first = Recurrences.nextAfter(recurrence, zone, clock.instant());
        apply(new ScheduleCreated(command.scheduleId(), command.siteId(), zone.getId(), recurrence,
                ScheduleRules.normalise(command.template()), first));
        if (first != null) {
            deadlines.schedule(first, OCCURRENCE_DEADLINE, first);
        }
    }

    @CommandHandler
    public void handle(PauseSchedule command, DeadlineManager deadlines) {
        if (!active) {
            throw new DomainRuleViolation("schedule.paused", "Schedule " + scheduleId + " is already paused");
        }
        apply(new SchedulePaused(scheduleId, siteId));
        Deadlines.cancelAllWithinScope(deadlines, OCCURRENCE_DEADLINE);
    }

    @CommandHandler
    public void handle(ResumeSchedule command, DeadlineManager deadlines, Clock clock) {
        if (active) {
            throw new DomainRuleViolation("schedule.active", "Schedule " + scheduleId + " is active; only a paused schedule can be resumed");
        }
        Instant next = Recurrences.nextAfter(recurrence, ZoneId.of(timeZone), clock.instant());
        apply(new ScheduleResumed(scheduleId, siteId, next));
        if (next != null) {
            deadlines.schedule(next, OCCURRENCE_DEADLINE, next);
        }
    }

    @DeadlineHandler(deadlineName = OCCURRENCE_DEADLINE)
    void onOccurrence(Instant due, DeadlineManager deadlines, Clock clock) {
        if (!active || !due.equals(nextOccurrence)) {
            return; // paused, or a deadline fired again after its occurrence was recorded: nothing to do
        }
        ZoneId zone = ZoneId.of(timeZone);
        Instant occurrence = Recurrences.latestUpTo(recurrence, zone, due, clock.instant());
        Instant next = Recurrences.nextAfter(recurrence, zone, occurrence);
        apply(new ScheduleOccurred(scheduleId, siteId, occurrence, workIdFor(scheduleId, occurrence),
                occurrence.plus(template.duration()), template, occurrence.equals(due) ? null : due, next));
        if (next != null) {
            deadlines.schedule(next, OCCURRENCE_DEADLINE, next);
        }
    }

    /** The id of the work item of one occurrence: the same schedule and instant always name the same work. */
    public static String workIdFor(String scheduleId, Instant occurrence) {
        return UUID.nameUUIDFromBytes(("schedule/" + scheduleId + "/" + occurrence).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventSourcingHandler
    void on(ScheduleCreated event) {
        scheduleId = event.scheduleId();
        siteId = event.siteId();
        timeZone = event.timeZone();
        recurrence = event.recurrence();
        template = event.template();
        active = true;
        nextOccurrence = event.nextOccurrence();
    }

    @EventSourcingHandler
    void on(SchedulePaused event) {
        active = false;
        nextOccurrence = null;
    }

    @EventSourcingHandler
    void on(ScheduleResumed event) {
        active = true;
        nextOccurrence = event.nextOccurrence();
    }

    @EventSourcingHandler
    void on(ScheduleOccurred event) {
        nextOccurrence = event.nextOccurrence();
    }
}
