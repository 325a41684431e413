package io.sitework.events;

import io.sitework.events.context.AssetRegistered;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkStarted;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every integration event type of the public contract. The type strings and topics are chosen here,
 * never derived from class names, so a record can move without breaking a consumer.
 * docs/event-catalogue.md describes each entry; a test keeps the two in step.
 */
public final class EventCatalog {

    public static final EventType<WorkRequested> WORK_REQUESTED =
            new EventType<>("io.sitework.work.requested.v1", WorkRequested.class, Topics.WORK, "work");
    public static final EventType<WorkStarted> WORK_STARTED =
            new EventType<>("io.sitework.work.started.v1", WorkStarted.class, Topics.WORK, "work");
    public static final EventType<WorkCompleted> WORK_COMPLETED =
            new EventType<>("io.sitework.work.completed.v1", WorkCompleted.class, Topics.WORK, "work");
    public static final EventType<AssetRegistered> ASSET_REGISTERED =
            new EventType<>("io.sitework.asset.registered.v1", AssetRegistered.class, Topics.CONTEXT, "assets");

    private static final Map<String, EventType<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        register(WORK_REQUESTED);
        register(WORK_STARTED);
        register(WORK_COMPLETED);
        register(ASSET_REGISTERED);
    }

    private EventCatalog() {
    }

    private static void register(EventType<?> eventType) {
        if (BY_TYPE.putIfAbsent(eventType.type(), eventType) != null) {
            throw new IllegalStateException("duplicate event type " + eventType.type());
        }
    }

    public static Optional<EventType<?>> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Collection<EventType<?>> all() {
        return BY_TYPE.values();
    }

    /** The registered type of a payload record. */
    public static EventType<?> typeOf(IntegrationEvent data) {
        return BY_TYPE.values().stream()
                .filter(t -> t.dataClass() == data.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered integration event: " + data.getClass().getName()));
    }
}
