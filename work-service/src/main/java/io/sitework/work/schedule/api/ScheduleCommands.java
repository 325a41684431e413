package io.sitework.work.schedule.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The commands of the Schedule aggregate; commands on an existing schedule may carry the caller's If-Match version. */
public final class ScheduleCommands {

    private ScheduleCommands() {
    }

    /** @param timeZone the site's IANA time zone (e.g. {@code Europe/Paris}): the recurrence's times are local to it */
    public record CreateSchedule(@TargetAggregateIdentifier String scheduleId, String siteId, String timeZone,
                                 Recurrence recurrence, WorkTemplate template) {
    }

    /** Stops creating work until resumed; occurrences falling while paused are not made up. */
    public record PauseSchedule(@TargetAggregateIdentifier String scheduleId, @TargetAggregateVersion Long expectedVersion) {
    }

    /** Starts again from the next occurrence after now. */
    public record ResumeSchedule(@TargetAggregateIdentifier String scheduleId, @TargetAggregateVersion Long expectedVersion) {
    }
}
