package io.sitework.support.replay;

import java.time.Instant;

/**
 * Where a rebuild of a read model stands, as {@code GET /api/admin/replay/{service}/{projection}} shows it.
 *
 * @param eventsTotal          the head of the event store (its highest global index) when the rebuild started
 * @param estimatedSecondsLeft while RUNNING, from the rate so far; otherwise null
 * @param active               the collection readers use now
 * @param building             the collection a running rebuild fills, else null
 * @param instance             the service instance running (or that ran) the rebuild
 */
public record ReplayProgress(String projection, State state, Instant startedAt, Instant finishedAt, long eventsDone,
                             long eventsTotal, double eventsPerSecond, Long estimatedSecondsLeft, String active,
                             String building, String error, String instance) {

    /** IDLE: never rebuilt; SWITCHING: the live processors of every instance are paused for the hand-over. */
    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }
}
