package io.sitework.notification.directory;

import io.sitework.notification.rules.Channel;
import io.sitework.notification.rules.NotificationKind;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The caller's own notification preferences (the token's subject: nobody edits another's). */
@RestController
@RequestMapping("/api/notifications/preferences")
@Tag(name = "Notification preferences", description = "How the caller wants to be told")
public class PreferencesController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

    private final Directory directory;

    public PreferencesController(Directory directory) {
        this.directory = directory;
    }

    public record QuietHours(String start, String end) {
    }

    public record Digest(boolean enabled, String at) {
    }

    /** What the caller sends (a full replacement) and what they get back (with every default filled in). */
    public record PreferencesBody(String email, String timeZone, QuietHours quietHours, Digest digest,
                                  Map<String, List<String>> channels) {
    }

    @GetMapping
    @Operation(summary = "The caller's preferences, with the default channels of every kind they have not chosen")
    public PreferencesBody get() {
        return view(directory.preferencesOf(CurrentUser.get().subject()));
    }

    @PutMapping
    @Operation(summary = "Replaces the caller's preferences; absent parts take their defaults")
    public PreferencesBody put(@RequestBody PreferencesBody body) {
        Preferences parsed = parse(body);
        directory.savePreferences(CurrentUser.get().subject(), parsed);
        return view(parsed);
    }

    static PreferencesBody view(Preferences p) {
        Map<String, List<String>> channels = new java.util.LinkedHashMap<>();
        // what will happen: EMAIL shows only once there is an address to send to
        for (NotificationKind kind : NotificationKind.values()) {
            channels.put(kind.name(), p.channelsFor(kind).stream().map(Enum::name).sorted().toList());
        }
        return new PreferencesBody(p.email(), p.zone().getId(),
                p.hasQuietHours() ? new QuietHours(p.quietStart(), p.quietEnd()) : null,
                new Digest(p.digest(), p.digestTime().toString()), channels);
    }

    static Preferences parse(PreferencesBody body) {
        if (body == null) {
            throw new BadRequestException("body", "a JSON object is required");
        }
        String email = body.email() == null || body.email().isBlank() ? null : body.email().strip();
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 254)) {
            throw new BadRequestException("email", "email '" + body.email() + "' is not an e-mail address");
        }
        String zone = null;
        if (body.timeZone() != null) {
            try {
                zone = ZoneId.of(body.timeZone()).getId();
            } catch (DateTimeException e) {
                throw new BadRequestException("timeZone", "timeZone '" + body.timeZone() + "' is not a time zone (use an IANA name like Europe/Paris)");
            }
        }
        String quietStart = null;
        String quietEnd = null;
        if (body.quietHours() != null) {
            quietStart = time(body.quietHours().start(), "quietHours.start");
            quietEnd = time(body.quietHours().end(), "quietHours.end");
        }
        boolean digest = body.digest() != null && body.digest().enabled();
        String digestAt = body.digest() == null || body.digest().at() == null ? null : time(body.digest().at(), "digest.at");
        Map<NotificationKind, Set<Channel>> channels = new EnumMap<>(NotificationKind.class);
        if (body.channels() != null) {
            for (Map.Entry<String, List<String>> entry : body.channels().entrySet()) {
                NotificationKind kind;
                try {
                    kind = NotificationKind.valueOf(entry.getKey());
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("channels." + entry.getKey(), "'" + entry.getKey() + "' is not a kind of notification; kinds are "
                            + List.of(NotificationKind.values()));
                }
                Set<Channel> set = EnumSet.noneOf(Channel.class);
                for (String channel : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                    try {
                        set.add(Channel.valueOf(channel));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw new BadRequestException("channels." + entry.getKey(), "'" + channel + "' is not a channel; channels are "
                                + List.of(Channel.values()));
                    }
                }
                channels.put(kind, set);
            }
        }
        return new Preferences(email, zone, quietStart, quietEnd, digest, digestAt, channels);
    }

    private static String time(String value, String field) {
        if (value == null || !TIME.matcher(value).matches()) {
            throw new BadRequestException(field, field + " must be a local time HH:mm, e.g. 22:00");
        }
        try {
            return LocalTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be a local time HH:mm");
        }
    }
}
