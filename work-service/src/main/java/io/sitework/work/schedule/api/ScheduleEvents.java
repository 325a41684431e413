package io.sitework.work.schedule.api;

import io.sitework.support.domain.SiteScoped;

import java.time.Instant;

/**
 * The domain events of the Schedule aggregate. They stay inside work-service (no integration events):
 * the work a schedule creates is published like any other work.
 */
public final class ScheduleEvents {

    private ScheduleEvents() {
    }

    /** @param nextOccurrence the first occurrence, strictly after the creation (null: the recurrence never occurs) */
    public record ScheduleCreated(String scheduleId, String siteId, String timeZone, Recurrence recurrence, WorkTemplate template,
                                  Instant nextOccurrence) implements SiteScoped {
    }

    public record SchedulePaused(String scheduleId, String siteId) {
    }

    /** @param nextOccurrence the first occurrence strictly after the resumption */
    public record ScheduleResumed(String scheduleId, String siteId, Instant nextOccurrence) {
    }

    /**
     * An occurrence fell due: work item {@code workId} (derived from the schedule and the occurrence, so
     * it can be created only once) is to be requested from {@code template}, planned from the occurrence
     * to {@code dueAt}.
     *
     * @param missedSince when the schedule fired late (the service was down) and skipped occurrences to
     *                    catch up with only the most recent one: the first skipped occurrence; null otherwise
     */
    public record ScheduleOccurred(String scheduleId, String siteId, Instant occurrence, String workId, Instant dueAt,
                                   WorkTemplate template, Instant missedSince, Instant nextOccurrence) {
    }
}
