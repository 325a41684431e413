package io.sitework.notification.process;

import io.sitework.support.kafka.consumer.UnprocessableEventException;
import io.sitework.events.CloudEvent;

import java.util.List;

/**
 * Who is told what when one type of integration event happens. One class per rule, registered as a
 * Spring bean; {@link CodeRules} finds rules by {@link #eventType()}. Rules are pure functions
 * of the event: no I/O, so they are tested as plain objects.
 */
public interface NotificationRule {

    /** The CloudEvents {@code type} this rule reacts to, e.g. {@code io.sitework.work.requested.v1}. */
    String eventType();

    /**
     * The notifications the event causes (often none).
     *
     * @throws UnprocessableEventException if the event lacks what the contract promises
     */
    List<PlannedNotification> notificationsFor(CloudEvent event);
}
