package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.notification.inbox.InboxEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * From an integration event to the inbox entries it causes, by asking the rules registered for its
 * type. Pure: events of a type no rule knows (including types newer than this service) yield nothing.
 */
@Component
public class InboxProjection {

    private final Map<String, List<NotificationRule>> rulesByType;

    public InboxProjection(Collection<NotificationRule> rules) {
        this.rulesByType = rules.stream().collect(Collectors.groupingBy(NotificationRule::eventType, LinkedHashMap::new, Collectors.toList()));
    }

    public boolean handles(String eventType) {
        return rulesByType.containsKey(eventType);
    }

    /** The entries for the event; the same event always gives entries with the same ids. */
    public List<InboxEntry> entriesFor(CloudEvent event, Instant now) {
        return rulesByType.getOrDefault(event.type(), List.of()).stream()
                .flatMap(rule -> rule.notificationsFor(event).stream())
                .map(planned -> toEntry(event, planned, now))
                // one entry per recipient even if two rules both speak to them about this event
                .collect(Collectors.toMap(InboxEntry::id, entry -> entry, (first, second) -> first, LinkedHashMap::new))
                .values().stream().toList();
    }

    static InboxEntry toEntry(CloudEvent event, PlannedNotification planned, Instant now) {
        return new InboxEntry(
                InboxEntry.idFor(event.id(), planned.recipientId(), InboxEntry.CHANNEL),
                planned.recipientId(),
                event.siteid(),
                event.id(),
                event.type(),
                planned.subjectId() == null ? event.subject() : planned.subjectId(),
                planned.title(),
                planned.body(),
                event.correlationid(),
                event.time(),
                now,
                null);
    }
}
