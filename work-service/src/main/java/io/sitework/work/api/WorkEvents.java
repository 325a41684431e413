package io.sitework.work.api;

import io.sitework.support.domain.SiteScoped;

import java.time.Instant;
import java.util.List;

/**
 * The Work aggregate's domain events: private to work-service, stored in its event store. Who did it
 * and under which correlation id travel in the event metadata. They may evolve with upcasters;
 * the public contract is the integration events of shared-events.
 */
public final class WorkEvents {

    private WorkEvents() {
    }

    public record WorkRequested(
            String workId,
            String siteId,
            WorkKind kind,
            String title,
            String description,
            Priority priority,
            String ownerId,
            Instant dueAt,
            List<String> assetIds) implements SiteScoped {

        public WorkRequested {
            assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        }
    }

    public record WorkStarted(String workId, String siteId) {
    }

    public record WorkCompleted(String workId, String siteId, String outcome) {
    }
}
