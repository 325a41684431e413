package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkStarted;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Integration events as producers build them, with fresh ids so tests never see each other's data. */
public final class TestEvents {

    public static final String SITE = "6a1f8d3e-0c3b-4e0a-9d6b-2b5c7f1e9a10";
    public static final Instant TIME = Instant.parse("2026-11-25T07:30:00.125Z");

    private TestEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static WorkRequested workRequestedData(String workId, String ownerId) {
        return new WorkRequested(workId, SITE, "MAINTENANCE_CORRECTIVE", "Replace mechanical seal on P-101",
                "Seal leaking since night shift; pump on standby", "HIGH", ownerId, "u-planner-anna",
                Instant.parse("2099-11-26T16:00:00Z"), List.of("3d2c1b0a-9f8e-4d7c-b6a5-443322110099"), List.of(), List.of(), null, null,
                null, null);
    }

    public static CloudEvent workRequested(String workId, String ownerId) {
        return workRequested(workId, ownerId, TIME);
    }

    public static CloudEvent workRequested(String workId, String ownerId, Instant time) {
        return workRequested(workId, ownerId, time, 0);
    }

    /**
     * With a sequence of the producer's choosing. Consumers apply an aggregate's events once, in sequence
     * order, so a later event of the same work needs a higher sequence than those before it.
     */
    public static CloudEvent workRequested(String workId, String ownerId, Instant time, long sequence) {
        return CloudEvent.of(EventCatalog.WORK_REQUESTED, newId(), time, sequence, "corr-" + newId(), "u-planner-anna",
                workRequestedData(workId, ownerId));
    }

    public static CloudEvent workStarted(String workId, String startedBy) {
        return CloudEvent.of(EventCatalog.WORK_STARTED, newId(), TIME.plus(1, ChronoUnit.HOURS), 1, null, startedBy,
                new WorkStarted(workId, SITE, startedBy));
    }

    public static CloudEvent workCompleted(String workId) {
        return CloudEvent.of(EventCatalog.WORK_COMPLETED, newId(), TIME.plus(2, ChronoUnit.HOURS), 2, null, "u-tech-bruno",
                new WorkCompleted(workId, SITE, "u-tech-bruno", "seal replaced"));
    }
}
