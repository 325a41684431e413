package io.sitework.context.permit.process;

import io.sitework.context.permit.api.WorkStatus;

import java.util.List;
import java.util.Optional;

/** Context-service's view of work status (table {@code work_status}), written in the caller's transaction. */
public interface WorkStatusStore {

    /**
     * Records the status of a work item unless a status of the same or a later event of that work
     * item is already known; serialised with the permits being linked to the same work.
     *
     * @return the permits covering the work when the status was recorded; empty when it was not newer
     */
    Optional<List<String>> record(String workId, String siteId, WorkStatus status, long sequence);
}
