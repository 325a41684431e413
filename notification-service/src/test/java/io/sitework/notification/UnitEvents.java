package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.work.WorkRequested;

import java.time.Instant;
import java.util.List;

/** Envelopes for unit tests of the pure notification core: fixed ids and times, no infrastructure. */
public final class UnitEvents {

    public static final String SITE = "site-north";
    public static final String WORK = "w-1";
    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private UnitEvents() {
    }

    public static <T extends IntegrationEvent> CloudEvent event(EventType<T> type, long sequence, String actor, T data) {
        return event(type, sequence, actor, data, T0.plusSeconds(sequence));
    }

    public static <T extends IntegrationEvent> CloudEvent event(EventType<T> type, long sequence, String actor, T data, Instant time) {
        return CloudEvent.of(type, "e-" + type.type() + "-" + sequence, time, sequence, "corr-" + sequence, actor, data);
    }

    public static WorkRequested requested(String ownerId, Instant dueAt) {
        return new WorkRequested(WORK, SITE, "MAINTENANCE_CORRECTIVE", "Replace seal", "Leaking", "HIGH", ownerId, "u-anna", dueAt,
                List.of(), List.of(), List.of(), null, null, null, null);
    }
}
