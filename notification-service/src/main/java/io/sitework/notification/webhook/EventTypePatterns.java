package io.sitework.notification.webhook;

import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;

/**
 * The event types a subscription names: an exact type of the catalogue ({@code io.sitework.permit.suspended.v1})
 * or a prefix ending in {@code *} ({@code io.sitework.permit.*}) that covers at least one type of the
 * catalogue, so a typo is refused instead of silently matching nothing. A prefix also matches types added later.
 */
public final class EventTypePatterns {

    private EventTypePatterns() {
    }

    public static boolean matches(String pattern, String eventType) {
        if (pattern.endsWith("*")) {
            return eventType.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(eventType);
    }

    /** Why the pattern is not acceptable, or null if it is. */
    public static String problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "must not be blank";
        }
        int star = pattern.indexOf('*');
        if (star >= 0 && star != pattern.length() - 1) {
            return "'" + pattern + "': '*' may only end a pattern (e.g. io.sitework.permit.*)";
        }
        boolean known = EventCatalog.all().stream().map(EventType::type).anyMatch(type -> matches(pattern, type));
        if (!known) {
            return star < 0
                    ? "'" + pattern + "' is not an event type of the catalogue (docs/event-catalogue.md)"
                    : "'" + pattern + "' matches no event type of the catalogue (docs/event-catalogue.md)";
        }
        return null;
    }
}
