package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkStarted;
import io.sitework.notification.process.NotificationRule;
import io.sitework.notification.process.PlannedNotification;
import org.springframework.dao.TransientDataAccessResourceException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only rule on work.started whose behaviour the event chooses through {@code startedBy}:
 * {@code "explode"} fails every time with a bug-like exception; {@code "flaky:<user>"} fails
 * {@link #FLAKY_FAILURES} times as if MongoDB were unreachable, then notifies {@code <user>}.
 * It counts the attempts per event id.
 */
public class ScriptedWorkStartedRule implements NotificationRule {

    public static final int FLAKY_FAILURES = 4;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public String eventType() {
        return EventCatalog.WORK_STARTED.type();
    }

    @Override
    public List<PlannedNotification> notificationsFor(CloudEvent event) {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        WorkStarted started = event.dataAs(EventCatalog.WORK_STARTED);
        if ("explode".equals(started.startedBy())) {
            throw new IllegalStateException("scripted failure of attempt " + attempt);
        }
        if (started.startedBy() != null && started.startedBy().startsWith("flaky:")) {
            if (attempt <= FLAKY_FAILURES) {
                throw new TransientDataAccessResourceException("scripted outage, attempt " + attempt);
            }
            return List.of(new PlannedNotification(started.startedBy().substring("flaky:".length()), started.workId(),
                    "Work started", "after " + FLAKY_FAILURES + " transient failures"));
        }
        return List.of();
    }

    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
