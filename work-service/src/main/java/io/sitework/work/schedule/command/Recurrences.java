package io.sitework.work.schedule.command;

import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.schedule.api.Recurrence;
import org.springframework.scheduling.support.CronExpression;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;

/**
 * The calendar of a {@link Recurrence} in a time zone. Pure: no clock, no state.
 *
 * <p>Rules:
 * <ul>
 *   <li>Times are wall-clock times of the zone: a daily 06:00 in Europe/Paris is 06:00 in Paris in
 *       winter and in summer (05:00Z, then 04:00Z).</li>
 *   <li>A local time that does not exist on a day (the hour skipped when clocks go forward) occurs
 *       shifted by the length of the gap: 02:30 on the spring-forward night in Paris is 03:30.</li>
 *   <li>A local time that exists twice (the hour repeated when clocks go back) occurs once, at the
 *       first of the two (the earlier offset).</li>
 *   <li>MONTHLY on a day a month does not have (29–31) occurs on that month's last day: day 31 is
 *       30 April, 28 February (29 in a leap year), and 31 May again. A month is never skipped.</li>
 *   <li>CRON follows Spring's {@link CronExpression} (six fields, seconds first), evaluated in the zone.</li>
 * </ul>
 */
public final class Recurrences {

    private Recurrences() {
    }

    /** The first occurrence strictly after {@code after}; null if there is none (only for a cron that never matches). */
    public static Instant nextAfter(Recurrence recurrence, ZoneId zone, Instant after) {
        ZonedDateTime base = after.atZone(zone);
        LocalDate date = base.toLocalDate();
        switch (recurrence.type()) {
            case DAILY -> {
                for (int i = 0; i < 3; i++) {
                    Instant candidate = at(date.plusDays(i), recurrence.time(), zone);
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
            case WEEKLY -> {
                for (int i = 0; i < 15; i++) {
                    LocalDate day = date.plusDays(i);
                    if (recurrence.daysOfWeek().contains(day.getDayOfWeek())) {
                        Instant candidate = at(day, recurrence.time(), zone);
                        if (candidate.isAfter(after)) {
                            return candidate;
                        }
                    }
                }
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(date);
                for (int i = 0; i < 3; i++) {
                    YearMonth m = month.plusMonths(i);
                    Instant candidate = at(m.atDay(Math.min(recurrence.dayOfMonth(), m.lengthOfMonth())), recurrence.time(), zone);
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
            case CRON -> {
                ZonedDateTime next = CronExpression.parse(recurrence.cron()).next(base);
                return next == null ? null : next.toInstant();
            }
        }
        throw new IllegalStateException("no occurrence of " + recurrence + " found after " + after);
    }

    /**
     * The most recent occurrence at or before {@code now}, given {@code known}, an occurrence at or before
     * {@code now} (or {@code known} itself when it is later than {@code now}). Used to catch up after the
     * service was down: it finds the last occurrence without stepping through every missed one.
     */
    public static Instant latestUpTo(Recurrence recurrence, ZoneId zone, Instant known, Instant now) {
        Instant latest = known;
        // widen a window ending at now until it holds an occurrence, then walk forward inside it
        for (Duration window = Duration.ofMinutes(1); ; window = window.multipliedBy(2)) {
            Instant from = now.minus(window);
            if (!from.isAfter(latest)) {
                break;
            }
            Instant probe = nextAfter(recurrence, zone, from);
            if (probe != null && !probe.isAfter(now)) {
                latest = probe;
                break;
            }
        }
        for (Instant next = nextAfter(recurrence, zone, latest); next != null && !next.isAfter(now);
             next = nextAfter(recurrence, zone, latest)) {
            latest = next;
        }
        return latest;
    }

    /** Checks that the recurrence is complete and means something; the field names are those of the API. */
    public static void validate(Recurrence recurrence) {
        if (recurrence == null) {
            throw new InvalidValueException("recurrence", "a recurrence is required");
        }
        if (recurrence.type() == null) {
            throw new InvalidValueException("recurrence.type", "must be one of DAILY, WEEKLY, MONTHLY, CRON");
        }
        Recurrence.Type type = recurrence.type();
        if (type == Recurrence.Type.CRON) {
            forbid(recurrence.time() != null, "recurrence.time", "is not used by a CRON recurrence; put the time in the expression");
            forbid(!recurrence.daysOfWeek().isEmpty(), "recurrence.daysOfWeek", "is only used by a WEEKLY recurrence");
            forbid(recurrence.dayOfMonth() != null, "recurrence.dayOfMonth", "is only used by a MONTHLY recurrence");
            validateCron(recurrence.cron());
            return;
        }
        forbid(recurrence.cron() != null, "recurrence.cron", "is only used by a CRON recurrence");
        forbid(recurrence.time() == null, "recurrence.time", "is required (local time of the site, e.g. 06:00)");
        forbid(type != Recurrence.Type.WEEKLY && !recurrence.daysOfWeek().isEmpty(), "recurrence.daysOfWeek",
                "is only used by a WEEKLY recurrence");
        forbid(type != Recurrence.Type.MONTHLY && recurrence.dayOfMonth() != null, "recurrence.dayOfMonth",
                "is only used by a MONTHLY recurrence");
        if (type == Recurrence.Type.WEEKLY) {
            forbid(recurrence.daysOfWeek().isEmpty() || recurrence.daysOfWeek().contains(null), "recurrence.daysOfWeek",
                    "a WEEKLY recurrence needs at least one day of the week");
            forbid(new HashSet<DayOfWeek>(recurrence.daysOfWeek()).size() != recurrence.daysOfWeek().size(), "recurrence.daysOfWeek",
                    "names a day twice");
        }
        if (type == Recurrence.Type.MONTHLY) {
            forbid(recurrence.dayOfMonth() == null || recurrence.dayOfMonth() < 1 || recurrence.dayOfMonth() > 31,
                    "recurrence.dayOfMonth", "a MONTHLY recurrence needs a day of the month from 1 to 31");
        }
    }

    private static void validateCron(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidValueException("recurrence.cron", "a CRON recurrence needs an expression");
        }
        if (cron.length() > 200) {
            throw new InvalidValueException("recurrence.cron", "at most 200 characters");
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("recurrence.cron", "is not a valid cron expression (six fields, seconds first, e.g. "
                    + "\"0 0 6 * * MON-FRI\"): " + e.getMessage());
        }
        // an expression such as "0 0 0 30 2 *" (30 February) parses but never occurs
        if (expression.next(ZonedDateTime.of(LocalDate.of(2000, 1, 1), LocalTime.MIDNIGHT, ZoneId.of("UTC"))) == null) {
            throw new InvalidValueException("recurrence.cron", "never occurs");
        }
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        // ZonedDateTime.of shifts a time in a gap forward by the gap, and takes the earlier offset in an overlap
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static void forbid(boolean condition, String field, String message) {
        if (condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
