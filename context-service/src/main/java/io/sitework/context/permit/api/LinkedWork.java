package io.sitework.context.permit.api;

/**
 * The last known status of a work item a permit covers.
 *
 * @param sequence the sequence number (within the work item) of the event that set the status
 */
public record LinkedWork(String workId, WorkStatus status, long sequence) {
}
