package io.sitework.work.api;

/** REQUESTED → PLANNED → IN_PROGRESS ⇄ ON_HOLD → DONE → CLOSED; REJECTED and CANCELLED are ends; DONE reopens. */
public enum WorkStatus {
    REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD, DONE, CLOSED, REJECTED, CANCELLED
}
