package io.sitework.notification.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams open on this instance, by user. It enforces the per-user limit (the oldest stream gives way)
 * and closes every stream when the service stops, so that a graceful shutdown does not wait for clients that
 * would otherwise stay connected for the whole stream timeout.
 */
@Component
public class StreamRegistry implements SmartLifecycle {

    public static final String CONNECTIONS_METRIC = "sitework.notifications.stream.connections";
    static final String TOO_MANY_STREAMS = "too-many-streams";

    private final int maxPerUser;
    private final Map<String, Deque<StreamConnection>> byUser = new HashMap<>();
    private int open;
    private volatile boolean running;

    public StreamRegistry(StreamProperties properties, MeterRegistry meterRegistry) {
        this.maxPerUser = properties.maxPerUser();
        Gauge.builder(CONNECTIONS_METRIC, this, StreamRegistry::size)
                .description("Live inbox streams open on this instance")
                .register(meterRegistry);
    }

    /**
     * Adds the connection. When the user already has the most allowed, their oldest are taken out and returned:
     * the caller closes them (outside its own locks, as closing sends a last message).
     */
    synchronized List<StreamConnection> add(StreamConnection connection) {
        Deque<StreamConnection> mine = byUser.computeIfAbsent(connection.userId(), user -> new ArrayDeque<>());
        mine.addLast(connection);
        open++;
        List<StreamConnection> surplus = new ArrayList<>();
        while (mine.size() > maxPerUser) {
            surplus.add(mine.pollFirst());
            open--;
        }
        return surplus;
    }

    synchronized void remove(StreamConnection connection) {
        Deque<StreamConnection> mine = byUser.get(connection.userId());
        if (mine != null && mine.remove(connection)) {
            open--;
            if (mine.isEmpty()) {
                byUser.remove(connection.userId());
            }
        }
    }

    synchronized List<StreamConnection> of(String userId) {
        Deque<StreamConnection> mine = byUser.get(userId);
        return mine == null ? List.of() : List.copyOf(mine);
    }

    synchronized List<StreamConnection> all() {
        List<StreamConnection> all = new ArrayList<>(open);
        byUser.values().forEach(all::addAll);
        return all;
    }

    public synchronized int size() {
        return open;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // no last message: a write to a vanished client would leave its request for the container to end, which a
        // stopping container may not do before the graceful-shutdown timeout; a plain completion always ends it
        all().forEach(connection -> connection.close(null));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
