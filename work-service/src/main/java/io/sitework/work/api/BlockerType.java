package io.sitework.work.api;

/** What work is waiting on. Blockers are orthogonal to the status: blocked work cannot start. */
public enum BlockerType {
    PERMIT, ISOLATION, PARTS, CONTRACTOR, OTHER_WORK, ACCESS, INFORMATION, WEATHER, OTHER
}
