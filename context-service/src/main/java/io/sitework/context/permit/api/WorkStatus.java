package io.sitework.context.permit.api;

import java.util.EnumSet;
import java.util.Set;

/** The status of a work item as context-service learns it from work-service's events. */
public enum WorkStatus {
    REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD, DONE, CLOSED, REJECTED, CANCELLED;

    /** Work that will not be carried out any further under a permit. */
    public static final Set<WorkStatus> FINISHED = EnumSet.of(DONE, CLOSED, CANCELLED, REJECTED);

    /** Work under way: a permit cannot be closed under it. */
    public static final Set<WorkStatus> UNDER_WAY = EnumSet.of(IN_PROGRESS, ON_HOLD);
}
