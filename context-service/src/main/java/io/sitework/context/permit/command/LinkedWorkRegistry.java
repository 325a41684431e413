package io.sitework.context.permit.command;

import io.sitework.context.permit.api.WorkStatus;

import java.util.List;

/**
 * Which permits cover which work, kept in the command's transaction (a refused request links
 * nothing), together with what context-service knows of that work. Linking is serialised with the
 * status updates of the same work items, so a status learnt while a permit is being requested is
 * either seen by the request or sent to the new permit, never lost in between.
 */
public interface LinkedWorkRegistry {

    /** A work item's status as context-service knows it. */
    record KnownWork(String workId, String siteId, WorkStatus status, long sequence) {
    }

    /** Links the permit to the work items and returns those whose status is known. */
    List<KnownWork> link(String permitId, List<String> workIds);
}
