package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

import java.util.List;

/**
 * What every permit lifecycle event carries, so a consumer that keeps its own view of permits
 * (work-service does) needs no more than one event to know where a permit stands:
 * its type, its status after the event, and the work it covers.
 */
public interface PermitEvent extends IntegrationEvent {

    String permitId();

    /** GENERAL, HOT_WORK, CONFINED_SPACE, ELECTRICAL, WORK_AT_HEIGHT, EXCAVATION or LIFTING. */
    String permitType();

    /** The permit's status after this event: REQUESTED, APPROVED, ISSUED, SUSPENDED, HANDED_BACK, CLOSED, REJECTED, CANCELLED or EXPIRED. */
    String status();

    /** The work the permit covers. */
    List<String> workIds();

    @Override
    default String aggregateId() {
        return permitId();
    }
}
