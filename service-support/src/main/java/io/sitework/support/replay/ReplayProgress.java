package io.sitework.support.replay;

import java.time.Instant;

/**
 * Where a rebuild of a read model stands, as {@code GET /api/admin/replay/{service}/{projection}} shows it.
 *
 * @param eventsTotal          the head of the event store (its highest global index) when the rebuild started
 * @param estimatedSecondsLeft while RUNNING, from the rate so far; otherwise null
 * @param active               the collection readers use now
 * @param building             the collection a running rebuild fills, else null
 */
public record ReplayProgress(String projection, State state, Instant startedAt, Instant finishedAt, long eventsDone,
                             long eventsTotal, double eventsPerSecond, Long estimatedSecondsLeft, String active,
                             String building, String error) {

    /** IDLE: never rebuilt since this instance started; SWITCHING: the live processor is paused for the hand-over. */
    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }
}
