package io.sitework.notification.directory;

import io.sitework.notification.rules.Channel;
import io.sitework.notification.rules.NotificationKind;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How one user wants to be told. Stored as validated values; absent parts mean the defaults.
 *
 * @param email      where e-mail goes; without it the e-mail channel carries nothing
 * @param timeZone   IANA zone for quiet hours and the digest; UTC when absent
 * @param quietStart quiet hours (e-mail held until they end; the inbox is immediate); none when absent or equal to quietEnd
 * @param quietEnd   end of quiet hours (may be earlier than the start: the hours wrap midnight)
 * @param digest     e-mail collected into one daily digest instead of one mail per notification
 * @param digestAt   local time of the daily digest (07:00 when absent)
 * @param channels   per kind, the channels to use; kinds not listed use the kind's default channels
 */
public record Preferences(String email, String timeZone, String quietStart, String quietEnd, boolean digest, String digestAt,
                         Map<NotificationKind, Set<Channel>> channels) {

    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(7, 0);

    public static Preferences defaults() {
        return new Preferences(null, null, null, null, false, null, Map.of());
    }

    public Preferences {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    public ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    public boolean hasQuietHours() {
        return quietStart != null && quietEnd != null && !quietStart.equals(quietEnd);
    }

    public LocalTime digestTime() {
        return digestAt == null ? DEFAULT_DIGEST_AT : LocalTime.parse(digestAt);
    }

    public Set<Channel> channelsFor(NotificationKind kind) {
        Set<Channel> chosen = channels.get(kind);
        Set<Channel> result = chosen == null ? kind.defaultChannels() : chosen;
        if (email == null && result.contains(Channel.EMAIL)) {
            Set<Channel> withoutEmail = EnumSet.noneOf(Channel.class);
            withoutEmail.addAll(result);
            withoutEmail.remove(Channel.EMAIL);
            return withoutEmail;
        }
        return result;
    }
}
