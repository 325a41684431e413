package io.sitework.work.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The work of a site as it stood at one instant, rebuilt from the event store for an auditor: what was
 * being done, what was held or blocked (with the blockers open then) and what was overdue. {@code counts}
 * has every status, zero included, over the work that existed at that instant.
 */
public record SiteWorkState(String siteId, Instant asOf, Map<WorkStatus, Integer> counts, List<Item> inProgress,
                            List<Item> onHold, List<Item> blocked, List<Item> overdue) {

    public record Item(String id, String title, WorkKind kind, WorkStatus status, String ownerId, List<Assignee> assignees,
                       Instant dueAt, List<OpenBlocker> blockers) {
    }

    /** A blocker open at the instant asked about. */
    public record OpenBlocker(String id, BlockerType type, String reason, Instant since, String by) {
    }
}
