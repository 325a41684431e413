package io.sitework.notification.process;

import io.sitework.support.kafka.consumer.UnprocessableEventException;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkRequested;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** New work with a named owner: the owner learns that it is now theirs. */
@Component
public class WorkRequestedRule implements NotificationRule {

    @Override
    public String eventType() {
        return EventCatalog.WORK_REQUESTED.type();
    }

    @Override
    public List<PlannedNotification> notificationsFor(CloudEvent event) {
        WorkRequested work = event.dataAs(EventCatalog.WORK_REQUESTED);
        if (work.ownerId() == null || work.ownerId().isBlank()) {
            return List.of();
        }
        if (work.workId() == null || work.workId().isBlank()) {
            throw new UnprocessableEventException("event " + event.id() + " (" + event.type() + ") has no workId");
        }
        String what = work.title() == null || work.title().isBlank() ? "work " + work.workId() : work.title();
        return List.of(new PlannedNotification(work.ownerId(), work.workId(), "New work assigned to you: " + what, body(work)));
    }

    private static String body(WorkRequested work) {
        List<String> facts = new ArrayList<>();
        if (work.kind() != null) {
            facts.add(work.kind());
        }
        if (work.priority() != null) {
            facts.add("priority " + work.priority());
        }
        if (work.dueAt() != null) {
            facts.add("due " + work.dueAt());
        }
        if (work.requestedBy() != null) {
            facts.add("requested by " + work.requestedBy());
        }
        String summary = facts.isEmpty() ? "" : String.join(", ", facts) + ".";
        String description = work.description() == null || work.description().isBlank() ? "" : work.description().strip();
        if (summary.isEmpty()) {
            return description;
        }
        return description.isEmpty() ? summary : summary + "\n\n" + description;
    }
}
