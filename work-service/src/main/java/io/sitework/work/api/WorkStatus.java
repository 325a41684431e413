package io.sitework.work.api;

/**
 * REQUESTED → PLANNED → IN_PROGRESS ⇄ ON_HOLD → DONE → CLOSED; REJECTED and CANCELLED are ends.
 * This slice implements request, start and complete; the rest of the lifecycle follows.
 */
public enum WorkStatus {
    REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD, DONE, CLOSED, REJECTED, CANCELLED
}
