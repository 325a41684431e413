package io.sitework.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span of local time in which a person gets no e-mail; what falls into it waits for its end.
 * It may wrap midnight (22:00–06:00); {@code start == end} means no quiet hours. The start is inside,
 * the end is not.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean isNone() {
        return start.equals(end);
    }

    public boolean contains(LocalTime time) {
        if (isNone()) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * {@code now} when it is outside the quiet hours in {@code zone}, else the instant they end. Computed on
     * the local calendar, so a night that a DST change makes shorter or longer still ends at the end's wall-clock
     * time; an end that the spring-forward gap skips is the first instant after the gap.
     */
    public Instant notBefore(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return now;
        }
        LocalDate endDate = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        Instant endsAt = LocalTimes.at(endDate, end, zone).toInstant();
        return endsAt.isAfter(now) ? endsAt : now;
    }

    /** Null unless both are given (as stored: ISO local times). */
    static QuietHours parse(String start, String end) {
        return start == null || end == null ? null : new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
    }
}
