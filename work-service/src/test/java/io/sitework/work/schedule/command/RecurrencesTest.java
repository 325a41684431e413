package io.sitework.work.schedule.command;

import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.schedule.api.Recurrence;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrencesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static List<Instant> occurrences(Recurrence r, ZoneId zone, Instant after, int count) {
        List<Instant> result = new ArrayList<>();
        Instant cursor = after;
        for (int i = 0; i < count; i++) {
            cursor = Recurrences.nextAfter(r, zone, cursor);
            result.add(cursor);
        }
        return result;
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void sixInTheMorningInParisStaysSixAcrossTheSpringDstChange() {
        // clocks go forward on Sunday 29 March 2026 at 02:00 (UTC+1 → UTC+2)
        List<Instant> next = occurrences(Recurrence.daily(LocalTime.of(6, 0)), PARIS, Instant.parse("2026-03-27T12:00:00Z"), 4);

        assertThat(next).containsExactly(
                Instant.parse("2026-03-28T05:00:00Z"),
                Instant.parse("2026-03-29T04:00:00Z"),
                Instant.parse("2026-03-30T04:00:00Z"),
                Instant.parse("2026-03-31T04:00:00Z"));
        assertThat(next).allSatisfy(i -> assertThat(i.atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(6, 0)));
    }

    @Test
    void sixInTheMorningInParisStaysSixAcrossTheAutumnDstChange() {
        // clocks go back on Sunday 25 October 2026 at 03:00 (UTC+2 → UTC+1)
        List<Instant> next = occurrences(Recurrence.daily(LocalTime.of(6, 0)), PARIS, Instant.parse("2026-10-24T00:00:00Z"), 3);

        assertThat(next).containsExactly(
                Instant.parse("2026-10-24T04:00:00Z"),
                Instant.parse("2026-10-25T05:00:00Z"),
                Instant.parse("2026-10-26T05:00:00Z"));
        assertThat(next).allSatisfy(i -> assertThat(i.atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(6, 0)));
    }

    @Test
    void aTimeSkippedByTheSpringChangeOccursShiftedByTheGap() {
        // 02:30 does not exist in Paris on 29 March 2026: it occurs at 03:30 local (01:30Z), once
        List<Instant> next = occurrences(Recurrence.daily(LocalTime.of(2, 30)), PARIS, Instant.parse("2026-03-28T12:00:00Z"), 2);

        assertThat(next).containsExactly(Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"));
        assertThat(next.get(0).atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void aTimeRepeatedByTheAutumnChangeOccursOnceAtTheFirstOfTheTwo() {
        // 02:30 happens twice in Paris on 25 October 2026 (00:30Z and 01:30Z): only the first counts
        List<Instant> next = occurrences(Recurrence.daily(LocalTime.of(2, 30)), PARIS, Instant.parse("2026-10-24T12:00:00Z"), 2);

        assertThat(next).containsExactly(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void anOccurrenceExactlyAtTheStartingInstantIsNotRepeated() {
        Instant six = local("2026-06-01T06:00", PARIS);

        assertThat(Recurrences.nextAfter(Recurrence.daily(LocalTime.of(6, 0)), PARIS, six)).isEqualTo(local("2026-06-02T06:00", PARIS));
        assertThat(Recurrences.nextAfter(Recurrence.daily(LocalTime.of(6, 0)), PARIS, six.minusNanos(1))).isEqualTo(six);
    }

    @Test
    void onTheChosenDaysAtTheLocalTime() {
        Recurrence r = Recurrence.weekly(LocalTime.of(7, 15), DayOfWeek.MONDAY, DayOfWeek.THURSDAY);

        // Tuesday 3 November 2026 (New York is back on standard time since 1 November)
        assertThat(occurrences(r, NEW_YORK, local("2026-11-03T09:00", NEW_YORK), 3)).containsExactly(
                local("2026-11-05T07:15", NEW_YORK),
                local("2026-11-09T07:15", NEW_YORK),
                local("2026-11-12T07:15", NEW_YORK));
    }

    @Test
    void theSameDayWhenTheTimeIsStillAhead() {
        Recurrence r = Recurrence.weekly(LocalTime.of(18, 0), DayOfWeek.FRIDAY);

        assertThat(Recurrences.nextAfter(r, UTC, Instant.parse("2026-11-27T17:59:59Z"))).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(Recurrences.nextAfter(r, UTC, Instant.parse("2026-11-27T18:00:00Z"))).isEqualTo(Instant.parse("2026-12-04T18:00:00Z"));
    }

    @Test
    void dayThirtyOneFallsOnTheLastDayOfShorterMonths() {
        Recurrence r = Recurrence.monthly(31, LocalTime.of(8, 0));

        assertThat(occurrences(r, PARIS, local("2026-03-31T09:00", PARIS), 4)).containsExactly(
                local("2026-04-30T08:00", PARIS),
                local("2026-05-31T08:00", PARIS),
                local("2026-06-30T08:00", PARIS),
                local("2026-07-31T08:00", PARIS));
    }

    @Test
    void dayThirtyInFebruaryIsTheTwentyEighthOrTheTwentyNinthInALeapYear() {
        Recurrence r = Recurrence.monthly(30, LocalTime.of(8, 0));

        assertThat(Recurrences.nextAfter(r, UTC, Instant.parse("2027-02-01T00:00:00Z"))).isEqualTo(Instant.parse("2027-02-28T08:00:00Z"));
        assertThat(Recurrences.nextAfter(r, UTC, Instant.parse("2028-02-01T00:00:00Z"))).isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
        assertThat(Recurrences.nextAfter(r, UTC, Instant.parse("2028-02-29T08:00:00Z"))).isEqualTo(Instant.parse("2028-03-30T08:00:00Z"));
    }

    @Test
    void anOrdinaryDayEveryMonthAcrossTheYearEnd() {
        Recurrence r = Recurrence.monthly(15, LocalTime.of(22, 0));

        assertThat(occurrences(r, NEW_YORK, local("2026-11-20T00:00", NEW_YORK), 3)).containsExactly(
                local("2026-12-15T22:00", NEW_YORK),
                local("2027-01-15T22:00", NEW_YORK),
                local("2027-02-15T22:00", NEW_YORK));
    }

    @Test
    void weekdaysAtSixInTheSiteZone() {
        Recurrence r = Recurrence.cron("0 0 6 * * MON-FRI");

        // Friday 27 March 2026, 07:00 Paris → Monday 30 March 06:00 (summer time since Sunday)
        assertThat(occurrences(r, PARIS, local("2026-03-27T07:00", PARIS), 2)).containsExactly(
                Instant.parse("2026-03-30T04:00:00Z"), Instant.parse("2026-03-31T04:00:00Z"));
    }

    @Test
    void everyThreeSeconds() {
        assertThat(occurrences(Recurrence.cron("*/3 * * * * *"), UTC, Instant.parse("2026-11-25T10:00:01.500Z"), 3)).containsExactly(
                Instant.parse("2026-11-25T10:00:03Z"), Instant.parse("2026-11-25T10:00:06Z"), Instant.parse("2026-11-25T10:00:09Z"));
    }

    @Test
    void theMostRecentOccurrenceDueIsFoundWithoutCountingEveryMissedOne() {
        Recurrence r = Recurrence.daily(LocalTime.of(6, 0));
        Instant missed = local("2026-03-20T06:00", PARIS);

        assertThat(Recurrences.latestUpTo(r, PARIS, missed, local("2026-03-31T05:59", PARIS))).isEqualTo(local("2026-03-30T06:00", PARIS));
        assertThat(Recurrences.latestUpTo(r, PARIS, missed, local("2026-03-31T06:00", PARIS))).isEqualTo(local("2026-03-31T06:00", PARIS));
    }

    @Test
    void anOccurrenceOnTimeIsItself() {
        Recurrence r = Recurrence.cron("*/3 * * * * *");
        Instant due = Instant.parse("2026-11-25T10:00:03Z");

        assertThat(Recurrences.latestUpTo(r, UTC, due, due.plusMillis(900))).isEqualTo(due);
        assertThat(Recurrences.latestUpTo(r, UTC, due, due.minusMillis(50))).as("fired a little early").isEqualTo(due);
    }

    @Test
    void aDenseCronDownForADay() {
        Recurrence r = Recurrence.cron("*/3 * * * * *");

        assertThat(Recurrences.latestUpTo(r, UTC, Instant.parse("2026-11-24T10:00:03Z"), Instant.parse("2026-11-25T10:00:07.2Z")))
                .isEqualTo(Instant.parse("2026-11-25T10:00:06Z"));
    }

    @Test
    void aSparseCronDownForMonths() {
        Recurrence r = Recurrence.cron("0 0 9 1 1,7 *"); // 1 January and 1 July at 09:00

        assertThat(Recurrences.latestUpTo(r, PARIS, local("2025-01-01T09:00", PARIS), local("2026-11-25T10:00", PARIS)))
                .isEqualTo(local("2026-07-01T09:00", PARIS));
    }

    private void refused(Recurrence r, String field) {
        assertThatThrownBy(() -> Recurrences.validate(r)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    @Test
    void completeRecurrencesPass() {
        Recurrences.validate(Recurrence.daily(LocalTime.NOON));
        Recurrences.validate(Recurrence.weekly(LocalTime.NOON, DayOfWeek.SUNDAY));
        Recurrences.validate(Recurrence.monthly(31, LocalTime.NOON));
        Recurrences.validate(Recurrence.cron("0 30 6 * * MON-FRI"));
    }

    @Test
    void incompleteOrContradictoryRecurrencesNameTheField() {
        refused(null, "recurrence");
        refused(new Recurrence(null, LocalTime.NOON, null, null, null), "recurrence.type");
        refused(Recurrence.daily(null), "recurrence.time");
        refused(new Recurrence(Recurrence.Type.WEEKLY, LocalTime.NOON, List.of(), null, null), "recurrence.daysOfWeek");
        refused(Recurrence.weekly(LocalTime.NOON, DayOfWeek.MONDAY, DayOfWeek.MONDAY), "recurrence.daysOfWeek");
        refused(Recurrence.monthly(0, LocalTime.NOON), "recurrence.dayOfMonth");
        refused(Recurrence.monthly(32, LocalTime.NOON), "recurrence.dayOfMonth");
        refused(new Recurrence(Recurrence.Type.MONTHLY, LocalTime.NOON, List.of(), null, null), "recurrence.dayOfMonth");
        refused(new Recurrence(Recurrence.Type.DAILY, LocalTime.NOON, List.of(DayOfWeek.MONDAY), null, null), "recurrence.daysOfWeek");
        refused(new Recurrence(Recurrence.Type.DAILY, LocalTime.NOON, List.of(), 3, null), "recurrence.dayOfMonth");
        refused(new Recurrence(Recurrence.Type.DAILY, LocalTime.NOON, List.of(), null, "0 0 6 * * *"), "recurrence.cron");
        refused(new Recurrence(Recurrence.Type.CRON, LocalTime.NOON, List.of(), null, "0 0 6 * * *"), "recurrence.time");
    }

    @Test
    void cronExpressionsMustParseAndOccur() {
        refused(Recurrence.cron(null), "recurrence.cron");
        refused(Recurrence.cron(" "), "recurrence.cron");
        refused(Recurrence.cron("every morning"), "recurrence.cron");
        refused(Recurrence.cron("0 6 * * *"), "recurrence.cron"); // five fields: Unix style, no seconds
        refused(Recurrence.cron("0 0 0 30 2 *"), "recurrence.cron"); // 30 February
    }

    @Test
    void zonedDatesAreTheSiteCalendar() {
        // sanity: the same instant is another day in another zone, and daily times follow the site's day
        Instant lateEvening = ZonedDateTime.of(2026, 11, 25, 23, 30, 0, 0, NEW_YORK).toInstant();
        assertThat(Recurrences.nextAfter(Recurrence.daily(LocalTime.of(23, 45)), NEW_YORK, lateEvening))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 23, 45, 0, 0, NEW_YORK).toInstant());
    }
}
