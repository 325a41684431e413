package io.sitework.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/** Wall-clock times of a day in a zone, as a person means them across DST changes. */
final class LocalTimes {

    private LocalTimes() {
    }

    /**
     * {@code time} on {@code date} in {@code zone}. A time the spring-forward gap skips becomes the end of the gap
     * (the first instant the clock shows a later time); a time the autumn overlap repeats is its first occurrence.
     */
    static ZonedDateTime at(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant().atZone(zone);
        }
        return ZonedDateTime.of(local, zone);
    }

    /** The first occurrence of {@code time} in {@code zone} strictly after {@code now}. */
    static Instant nextAfter(Instant now, ZoneId zone, LocalTime time) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant candidate = at(today, time, zone).toInstant();
        return candidate.isAfter(now) ? candidate : at(today.plusDays(1), time, zone).toInstant();
    }

    /** The last occurrence of {@code time} in {@code zone} at or before {@code now}. */
    static ZonedDateTime lastAtOrBefore(Instant now, ZoneId zone, LocalTime time) {
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime candidate = at(today, time, zone);
        return candidate.toInstant().isAfter(now) ? at(today.minusDays(1), time, zone) : candidate;
    }
}
