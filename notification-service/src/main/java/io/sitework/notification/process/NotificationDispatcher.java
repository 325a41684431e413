package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.PermitEvent;
import io.sitework.notification.audience.AudienceStore;
import io.sitework.notification.audience.PermitAudience;
import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.config.NotificationProperties;
import io.sitework.notification.timers.Timer;
import io.sitework.notification.timers.TimerStore;
import io.sitework.notification.webhook.WebhookFanout;
import io.sitework.support.kafka.consumer.UnprocessableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies one integration event. For work and permit events: works out the notices from the item's
 * view before and after the event, schedules the timers it implies, delivers, and only then moves the
 * view forward — so a crash anywhere before the end repeats the whole (idempotent) step, and once the
 * view has moved the event is known to be fully applied and a redelivery is skipped. Code rules
 * ({@link NotificationRule} beans) come on top, for the inbox. Webhook deliveries are stored first,
 * for every event (idempotent by event and subscription).
 */
@Service
public class NotificationDispatcher {

    public static final String DELIVERED_METRIC = Deliverer.DELIVERED_METRIC;
    /** Issued or suspended: the permits whose holder still stands behind the work. */
    static final List<String> HELD_PERMITS = List.of("ISSUED", "SUSPENDED");

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final CodeRules codeRules;
    private final AudienceStore audiences;
    private final TimerStore timers;
    private final Deliverer deliverer;
    private final NotificationProperties.Escalation escalation;
    private final WebhookFanout webhooks;

    public NotificationDispatcher(CodeRules codeRules, AudienceStore audiences, TimerStore timers, Deliverer deliverer,
                                  NotificationProperties properties, WebhookFanout webhooks) {
        this.webhooks = webhooks;
        this.codeRules = codeRules;
        this.audiences = audiences;
        this.timers = timers;
        this.deliverer = deliverer;
        this.escalation = properties.escalation();
    }

    public void dispatch(CloudEvent event) {
        // downstream systems take every type, known to the rules or not
        webhooks.onEvent(event);
        Trigger trigger = Trigger.of(event);
        Optional<EventType<?>> type = EventCatalog.find(event.type());
        if (type.isPresent() && type.get().type().startsWith("io.sitework.work.")) {
            applyWorkEvent(event, trigger, type.get());
        } else if (type.isPresent()) {
            PermitAudience.permitEvent(event).ifPresent(permit -> applyPermitEvent(event, trigger, permit));
        }
        if (codeRules.handles(event.type())) {
            for (PlannedNotification planned : codeRules.plannedFor(event)) {
                deliverer.deliverToInbox(trigger, planned);
            }
        }
    }

    private void applyWorkEvent(CloudEvent event, Trigger trigger, EventType<?> type) {
        @SuppressWarnings("unchecked")
        IntegrationEvent data = event.dataAs((EventType<IntegrationEvent>) type);
        String workId = data.aggregateId();
        if (workId == null || workId.isBlank()) {
            throw new UnprocessableEventException("event " + event.id() + " (" + event.type() + ") has no workId");
        }
        WorkAudience before = audiences.work(workId).orElseGet(() -> WorkAudience.empty(workId, event.siteid()));
        if (event.sequence() <= before.lastSequence) {
            log.debug("{} {} of work {} (sequence {}) already applied at {}; skipped", event.type(), event.id(), workId,
                    event.sequence(), before.lastSequence);
            return;
        }
        WorkAudience after = before.after(event);
        List<PermitAudience> permits = event.type().equals(EventCatalog.WORK_COMPLETED.type())
                ? audiences.permitsOfWork(workId, HELD_PERMITS) : List.of();
        scheduleTimers(event, before, after);
        deliverer.deliver(trigger, NotificationPlanner.forWork(event, before, after, permits));
        audiences.save(after);
    }

    private void scheduleTimers(CloudEvent event, WorkAudience before, WorkAudience after) {
        Instant now = event.time();
        if (after.dueAt != null && after.dueSequence == event.sequence() && !after.finished()) {
            Instant fireAt = after.dueAt.minus(escalation.dueSoonBefore());
            if (fireAt.isAfter(now)) {
                timers.schedule(Timer.dueSoon(after.id, after.siteId, after.dueAt, event.sequence(), fireAt));
            }
        }
        if (event.type().equals(EventCatalog.WORK_OVERDUE.type())) {
            Instant dueAt = event.dataAs(EventCatalog.WORK_OVERDUE).dueAt();
            timers.schedule(Timer.overdueEscalation(after.id, after.siteId, dueAt, event.sequence(), now.plus(escalation.overdueAfter())));
        }
        if (event.type().equals(EventCatalog.WORK_BLOCKER_RAISED.type())) {
            String blockerId = event.dataAs(EventCatalog.WORK_BLOCKER_RAISED).blockerId();
            timers.schedule(Timer.blockedEscalation(after.id, after.siteId, blockerId, event.sequence(), now.plus(escalation.blockedAfter())));
        }
    }

    private void applyPermitEvent(CloudEvent event, Trigger trigger, PermitEvent permit) {
        if (permit.permitId() == null || permit.permitId().isBlank()) {
            throw new UnprocessableEventException("event " + event.id() + " (" + event.type() + ") has no permitId");
        }
        PermitAudience before = audiences.permit(permit.permitId()).orElseGet(PermitAudience::new);
        if (event.sequence() <= before.lastSequence) {
            return;
        }
        PermitAudience after = before.after(event, permit);
        deliverer.deliver(trigger, NotificationPlanner.forPermit(event, after));
        audiences.save(after);
    }
}
