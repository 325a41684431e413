package io.sitework.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load of commands with client-chosen ids, as a client that must not lose work sends them: each
 * work request carries an {@code Idempotency-Key} chosen before the first attempt and is retried with the
 * same key until it is acknowledged (201), through whatever fault is injected meanwhile; then one comment
 * on it, sent once (a comment that fails is not acknowledged, and may or may not exist). The load has a
 * site, a planner, an owner and a watcher of its own, so each scenario checks only what it sent.
 */
final class WorkLoad {

    final String site = UUID.randomUUID().toString();
    final String planner;
    final String owner;
    final String watcher;
    /** Every key sent (acknowledged or not). */
    final Set<String> keysSent = ConcurrentHashMap.newKeySet();
    /** Idempotency key → the acknowledged work item's id. */
    final Map<String, String> acknowledgedWork = new ConcurrentHashMap<>();
    /** Work item id → the comment ids acknowledged (201) on it. */
    final Map<String, Set<String>> acknowledgedComments = new ConcurrentHashMap<>();
    /** Attempts that failed (no answer, or 5xx) and were retried. */
    final AtomicInteger failedAttempts = new AtomicInteger();
    private final JsonHttp tokenIssuer;
    private final JsonHttp target;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** @param tokenIssuer the gateway (dev tokens); @param target where the commands go (gateway or a service) */
    WorkLoad(String label, JsonHttp tokenIssuer, JsonHttp target) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        this.planner = label + "-planner-" + suffix;
        this.owner = label + "-owner-" + suffix;
        this.watcher = label + "-watcher-" + suffix;
        this.tokenIssuer = tokenIssuer;
        this.target = target;
        List.of(planner, owner, watcher).forEach(this::auth);
    }

    /**
     * Sends {@code commands} work requests from {@code threads} clients, each pausing {@code pace} between
     * its requests, in the background; each request is retried until acknowledged or {@code deadline} passes.
     */
    Future<?> start(int commands, int threads, Duration pace, Duration deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        long until = System.nanoTime() + deadline.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < commands) {
                    String id = request("Fault check " + n, until);
                    if (id != null) {
                        comment(id);
                    }
                    sleep(pace);
                }
                return null;
            }));
        }
        Future<?> all = pool.submit(() -> {
            for (Future<?> c : clients) {
                c.get();
            }
            return null;
        });
        pool.shutdown();
        return all;
    }

    Map<String, String> auth(String user) {
        return Map.of("Authorization", tokens.computeIfAbsent(user, u -> {
            String role = u.equals(planner) ? "PLANNER" : "TECHNICIAN";
            JsonHttp.Response response = tokenIssuer.post(DemoSeeder.TOKEN_PATH,
                    Map.of("subject", u, "sites", Map.of(site, List.of(role))), Map.of());
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + u + ": " + response.body());
            }
            return "Bearer " + response.json().path("access_token").asText();
        }));
    }

    private String request(String title, long until) {
        String key = UUID.randomUUID().toString();
        keysSent.add(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", site);
        body.put("kind", "MAINTENANCE_CORRECTIVE");
        body.put("title", title);
        body.put("priority", "MEDIUM");
        body.put("ownerId", owner);
        body.put("watchers", List.of(watcher));
        Map<String, String> headers = new LinkedHashMap<>(auth(planner));
        headers.put("Idempotency-Key", key);
        while (System.nanoTime() < until) {
            try {
                JsonHttp.Response response = target.post("/api/work", body, headers);
                if (response.status() == 201) {
                    String id = response.json().path("id").asText();
                    acknowledgedWork.put(key, id);
                    return id;
                }
                if (response.status() < 500) {
                    throw new IllegalStateException("work request refused: " + response.status() + " " + response.body());
                }
            } catch (IllegalStateException e) {
                if (e.getMessage().startsWith("work request refused")) {
                    throw e;
                }
                // no answer: the service or its route is down; the same key again
            }
            failedAttempts.incrementAndGet();
            sleep(Duration.ofMillis(500));
        }
        return null;
    }

    private void comment(String id) {
        try {
            JsonHttp.Response response = target.post("/api/work/" + id + "/comments",
                    Map.of("text", "checked " + UUID.randomUUID()), auth(planner));
            if (response.status() == 201) {
                acknowledgedComments.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(response.json().path("id").asText());
            } else {
                failedAttempts.incrementAndGet();
            }
        } catch (IllegalStateException e) {
            failedAttempts.incrementAndGet();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
