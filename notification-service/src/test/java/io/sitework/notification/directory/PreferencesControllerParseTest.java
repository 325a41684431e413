package io.sitework.notification.directory;

import io.sitework.notification.directory.PreferencesController.Digest;
import io.sitework.notification.directory.PreferencesController.PreferencesBody;
import io.sitework.notification.directory.PreferencesController.QuietHours;
import io.sitework.notification.rules.Channel;
import io.sitework.notification.rules.NotificationKind;
import io.sitework.support.web.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PreferencesControllerParseTest {

    @Test
    void aFullBodyParses() {
        Preferences p = PreferencesController.parse(new PreferencesBody("  bruno@north.example ", "Europe/Paris",
                new QuietHours("22:00", "06:00"), new Digest(true, "18:30"),
                Map.of("WORK_ASSIGNED", List.of(), "WORK_STARTED", List.of("EMAIL", "INBOX"), "OVERDUE", List.of("INBOX", "INBOX"))));

        assertThat(p.email()).as("trimmed").isEqualTo("bruno@north.example");
        assertThat(p.timeZone()).isEqualTo("Europe/Paris");
        assertThat(p.quietStart()).isEqualTo("22:00");
        assertThat(p.quietEnd()).isEqualTo("06:00");
        assertThat(p.digest()).isTrue();
        assertThat(p.digestAt()).isEqualTo("18:30");
        assertThat(p.channels()).containsOnlyKeys(NotificationKind.WORK_ASSIGNED, NotificationKind.WORK_STARTED, NotificationKind.OVERDUE);
        assertThat(p.channelsFor(NotificationKind.WORK_ASSIGNED)).isEmpty();
        assertThat(p.channelsFor(NotificationKind.WORK_STARTED)).containsExactlyInAnyOrder(Channel.EMAIL, Channel.INBOX);
        assertThat(p.channelsFor(NotificationKind.OVERDUE)).containsExactly(Channel.INBOX);
    }

    @Test
    void anEmptyBodyIsTheDefaults() {
        Preferences p = PreferencesController.parse(new PreferencesBody(" ", null, null, null, null));

        assertThat(p).isEqualTo(Preferences.defaults());
        assertThat(PreferencesController.parse(new PreferencesBody(null, null, null, new Digest(true, null), null)).digestAt())
                .as("the digest on at its default time").isNull();
    }

    @Test
    void noBodyIsRefused() {
        assertThat(field(null)).isEqualTo("body");
    }

    @Test
    void aBadAddressIsRefused() {
        for (String email : List.of("bruno", "bruno@", "@north.example", "bruno@north@example", "bruno smith@north.example",
                "b".repeat(250) + "@n.example")) {
            assertThat(field(new PreferencesBody(email, null, null, null, null))).as(email).isEqualTo("email");
        }
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        for (String zone : List.of("Mars/Olympus", "", "Europe/Pariss", "UTC+25")) {
            assertThat(field(new PreferencesBody(null, zone, null, null, null))).as(zone).isEqualTo("timeZone");
        }
        assertThat(PreferencesController.parse(new PreferencesBody(null, "UTC", null, null, null)).timeZone()).isEqualTo("UTC");
    }

    @Test
    void quietHoursMustBeTwoLocalTimesHHmm() {
        for (String bad : Arrays.asList("24:00", "7:00", "07:0", "07:60", "0700", "07:00:00", "noon", "", null)) {
            assertThat(field(new PreferencesBody(null, null, new QuietHours(bad, "06:00"), null, null))).as(String.valueOf(bad))
                    .isEqualTo("quietHours.start");
            assertThat(field(new PreferencesBody(null, null, new QuietHours("22:00", bad), null, null))).as(String.valueOf(bad))
                    .isEqualTo("quietHours.end");
        }
        Preferences edges = PreferencesController.parse(new PreferencesBody(null, null, new QuietHours("00:00", "23:59"), null, null));
        assertThat(edges.quietStart()).isEqualTo("00:00");
        assertThat(edges.quietEnd()).isEqualTo("23:59");
    }

    @Test
    void aBadDigestTimeIsRefused() {
        for (String bad : List.of("24:00", "7:00", "7am")) {
            assertThat(field(new PreferencesBody(null, null, null, new Digest(true, bad), null))).as(bad).isEqualTo("digest.at");
        }
    }

    @Test
    void anUnknownKindOrChannelIsRefusedUnderItsKind() {
        assertThat(field(channels(Map.of("WORK_TELEPORTED", List.of("INBOX"))))).isEqualTo("channels.WORK_TELEPORTED");
        assertThat(field(channels(Map.of("WORK_STARTED", List.of("PIGEON"))))).isEqualTo("channels.WORK_STARTED");
        assertThat(field(channels(Map.of("WORK_STARTED", List.of("inbox"))))).as("names are exact").isEqualTo("channels.WORK_STARTED");
        assertThat(field(channels(Map.of("WORK_STARTED", Arrays.asList("INBOX", null))))).isEqualTo("channels.WORK_STARTED");
    }

    @Test
    void theViewFillsEveryDefault() {
        PreferencesBody view = PreferencesController.view(Preferences.defaults());

        assertThat(view.email()).isNull();
        assertThat(view.timeZone()).isEqualTo("Z");
        assertThat(view.quietHours()).isNull();
        assertThat(view.digest()).isEqualTo(new Digest(false, "07:00"));
        assertThat(view.channels()).containsOnlyKeys(Arrays.stream(NotificationKind.values()).map(Enum::name).toList());
        assertThat(view.channels().get("WORK_ASSIGNED")).as("e-mail only once there is an address").containsExactly("INBOX");
        assertThat(view.channels().get("WORK_STARTED")).containsExactly("INBOX");
    }

    @Test
    void theViewShowsWhatWasSaved() {
        PreferencesBody saved = new PreferencesBody("bruno@north.example", "Europe/Paris", new QuietHours("22:00", "06:00"),
                new Digest(true, "18:30"), Map.of("WORK_ASSIGNED", List.of()));

        PreferencesBody view = PreferencesController.view(PreferencesController.parse(saved));

        assertThat(view.email()).isEqualTo("bruno@north.example");
        assertThat(view.timeZone()).isEqualTo("Europe/Paris");
        assertThat(view.quietHours()).isEqualTo(new QuietHours("22:00", "06:00"));
        assertThat(view.digest()).isEqualTo(new Digest(true, "18:30"));
        assertThat(view.channels().get("WORK_ASSIGNED")).isEmpty();
        assertThat(PreferencesController.view(PreferencesController.parse(new PreferencesBody(null, null, new QuietHours("08:00", "08:00"),
                null, null))).quietHours()).as("start = end: none").isNull();
    }

    private static PreferencesBody channels(Map<String, List<String>> channels) {
        return new PreferencesBody(null, null, null, null, channels);
    }

    private static String field(PreferencesBody body) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> PreferencesController.parse(body));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0).field();
    }
}
