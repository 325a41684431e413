package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@link NotificationRule} beans, by event type: notifications defined in code, on top of the
 * sites' rules (which are data). Pure: types no rule knows yield nothing.
 */
@Component
public class CodeRules {

    private final Map<String, List<NotificationRule>> rulesByType;

    public CodeRules(Collection<NotificationRule> rules) {
        this.rulesByType = rules.stream().collect(Collectors.groupingBy(NotificationRule::eventType, LinkedHashMap::new, Collectors.toList()));
    }

    public boolean handles(String eventType) {
        return rulesByType.containsKey(eventType);
    }

    /** What the rules plan for the event, one notification per recipient even if two rules both speak to them. */
    public List<PlannedNotification> plannedFor(CloudEvent event) {
        return rulesByType.getOrDefault(event.type(), List.of()).stream()
                .flatMap(rule -> rule.notificationsFor(event).stream())
                .map(planned -> planned.subjectId() == null
                        ? new PlannedNotification(planned.recipientId(), event.subject(), planned.title(), planned.body()) : planned)
                .collect(Collectors.toMap(PlannedNotification::recipientId, p -> p, (first, second) -> first, LinkedHashMap::new))
                .values().stream().toList();
    }
}
