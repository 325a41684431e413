package io.sitework.work.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** The commands of the Work aggregate: one record per message, the aggregate id first. */
public final class WorkCommands {

    private WorkCommands() {
    }

    public record RequestWork(
            @TargetAggregateIdentifier String workId,
            String siteId,
            WorkKind kind,
            String title,
            String description,
            Priority priority,
            String ownerId,
            Instant dueAt,
            List<String> assetIds) {
    }

    /** @param expectedVersion the version the caller saw (If-Match), or null to act on the latest */
    public record StartWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CompleteWork(@TargetAggregateIdentifier String workId, @TargetAggregateVersion Long expectedVersion, String outcome) {
    }
}
