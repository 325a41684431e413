package io.sitework.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0));

    @Test
    void aNightThatWrapsMidnightHoldsBothEveningAndMorning() {
        assertThat(NIGHT.contains(LocalTime.of(22, 0))).as("the start is inside").isTrue();
        assertThat(NIGHT.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(5, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 0))).as("the end is not").isFalse();
        assertThat(NIGHT.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void aDaytimeSpanHoldsOnlyItsHours() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));

        assertThat(lunch.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 29))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 30))).isFalse();
        assertThat(lunch.contains(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.notBefore(Instant.parse("2026-06-10T10:15:00Z"), PARIS)).isEqualTo(Instant.parse("2026-06-10T11:30:00Z"));
    }

    @Test
    void startEqualToEndMeansNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0));
        Instant now = Instant.parse("2026-06-10T06:00:00Z"); // 08:00 in Paris

        assertThat(none.isNone()).isTrue();
        assertThat(none.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(none.notBefore(now, PARIS)).isEqualTo(now);
    }

    @Test
    void outsideTheQuietHoursAnEmailMayGoNow() {
        Instant now = Instant.parse("2026-06-10T12:00:00Z");

        assertThat(NIGHT.notBefore(now, PARIS)).isEqualTo(now);
    }

    @Test
    void inTheEveningItWaitsForTheNextMorningAndAfterMidnightForThisMorning() {
        // 23:00 and 02:00 in Paris (summer time, UTC+2)
        assertThat(NIGHT.notBefore(Instant.parse("2026-06-10T21:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-06-11T04:00:00Z"));
        assertThat(NIGHT.notBefore(Instant.parse("2026-06-11T00:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-06-11T04:00:00Z"));
    }

    @Test
    void theNightOfTheSpringChangeEndsAtSixLocalTimeInSummerTime() {
        // 23:00 CET on 28 March 2026; clocks go from 02:00 to 03:00 that night, so 06:00 is 04:00Z, not 05:00Z
        Instant evening = Instant.parse("2026-03-28T22:00:00Z");

        assertThat(NIGHT.notBefore(evening, PARIS)).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    }

    @Test
    void theNightOfTheAutumnChangeEndsAtSixLocalTimeInWinterTime() {
        // 23:00 CEST on 24 October 2026; clocks go from 03:00 back to 02:00, so 06:00 is 05:00Z, not 04:00Z
        Instant evening = Instant.parse("2026-10-24T21:00:00Z");

        assertThat(NIGHT.notBefore(evening, PARIS)).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
    }

    @Test
    void anEndTheSpringGapSkipsIsTheEndOfTheGap() {
        QuietHours untilHalfPastTwo = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // 01:30 CET on 29 March 2026; 02:30 never happens that night, the clock jumps to 03:00 CEST = 01:00Z
        Instant now = Instant.parse("2026-03-29T00:30:00Z");

        assertThat(untilHalfPastTwo.notBefore(now, PARIS)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void theNextDigestTimeIsStrictlyAfterNowAndFollowsTheLocalClock() {
        LocalTime eight = LocalTime.of(8, 0);

        assertThat(LocalTimes.nextAfter(Instant.parse("2026-03-28T06:59:00Z"), PARIS, eight)).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(LocalTimes.nextAfter(Instant.parse("2026-03-28T07:00:00Z"), PARIS, eight))
                .as("after the spring change 08:00 is 06:00Z").isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(LocalTimes.lastAtOrBefore(Instant.parse("2026-03-29T05:59:00Z"), PARIS, eight).toLocalDate())
                .hasToString("2026-03-28");
        assertThat(LocalTimes.lastAtOrBefore(Instant.parse("2026-03-29T06:00:00Z"), PARIS, eight).toLocalDate())
                .hasToString("2026-03-29");
    }
}
