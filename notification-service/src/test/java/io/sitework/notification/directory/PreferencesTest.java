package io.sitework.notification.directory;

import io.sitework.notification.rules.Channel;
import io.sitework.notification.rules.NotificationKind;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PreferencesTest {

    private static final String EMAIL = "bruno@north.example";

    @Test
    void withAnAddressEachKindUsesItsDefaultChannels() {
        Preferences p = withEmail(Map.of());

        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(p.channelsFor(kind)).as(kind.name()).isEqualTo(kind.defaultChannels());
        }
        assertThat(p.channelsFor(NotificationKind.WORK_ASSIGNED)).containsExactlyInAnyOrder(Channel.INBOX, Channel.EMAIL);
        assertThat(p.channelsFor(NotificationKind.WORK_STARTED)).containsExactly(Channel.INBOX);
    }

    @Test
    void withoutAnAddressNothingGoesByEmailEvenIfChosen() {
        Preferences p = new Preferences(null, null, null, null, false, null,
                Map.of(NotificationKind.WORK_STARTED, EnumSet.of(Channel.EMAIL, Channel.INBOX), NotificationKind.OVERDUE, EnumSet.of(Channel.EMAIL)));

        assertThat(p.channelsFor(NotificationKind.WORK_ASSIGNED)).as("default").containsExactly(Channel.INBOX);
        assertThat(p.channelsFor(NotificationKind.WORK_STARTED)).containsExactly(Channel.INBOX);
        assertThat(p.channelsFor(NotificationKind.OVERDUE)).isEmpty();
        assertThat(p.channels().get(NotificationKind.WORK_STARTED)).as("the choice itself is kept")
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX);
    }

    @Test
    void aChosenSetReplacesTheDefaultAndAnEmptyOneMeansNothing() {
        Preferences p = withEmail(Map.of(NotificationKind.WORK_ASSIGNED, EnumSet.noneOf(Channel.class),
                NotificationKind.WORK_STARTED, EnumSet.of(Channel.EMAIL)));

        assertThat(p.channelsFor(NotificationKind.WORK_ASSIGNED)).isEmpty();
        assertThat(p.channelsFor(NotificationKind.WORK_STARTED)).containsExactly(Channel.EMAIL);
        assertThat(p.channelsFor(NotificationKind.OVERDUE)).containsExactlyInAnyOrder(Channel.INBOX, Channel.EMAIL);
    }

    @Test
    void theDefaultsAreUtcNoQuietHoursAndADigestAtSeven() {
        Preferences p = Preferences.defaults();

        assertThat(p.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(p.hasQuietHours()).isFalse();
        assertThat(p.digest()).isFalse();
        assertThat(p.digestTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(p.channels()).isEmpty();
        assertThat(new Preferences(null, "Europe/Paris", "22:00", "06:00", true, "18:30", null).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void quietHoursNeedBothEndsAndDifferentOnes() {
        assertThat(new Preferences(null, null, "22:00", "06:00", false, null, null).hasQuietHours()).isTrue();
        assertThat(new Preferences(null, null, "22:00", "22:00", false, null, null).hasQuietHours()).isFalse();
        assertThat(new Preferences(null, null, "22:00", null, false, null, null).hasQuietHours()).isFalse();
        assertThat(new Preferences(null, null, null, "06:00", false, null, null).hasQuietHours()).isFalse();
    }

    private static Preferences withEmail(Map<NotificationKind, Set<Channel>> channels) {
        return new Preferences(EMAIL, null, null, null, false, null, channels);
    }
}
