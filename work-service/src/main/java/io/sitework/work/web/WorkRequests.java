package io.sitework.work.web;

import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the work API. Unknown fields are rejected (no mass assignment). */
final class WorkRequests {

    private WorkRequests() {
    }

    record RequestWorkBody(
            @NotNull UUID siteId,
            @NotNull WorkKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull Priority priority,
            @Size(max = 100) String ownerId,
            Instant dueAt,
            @Size(max = 100) List<@NotNull UUID> assetIds) {
    }

    record CompleteWorkBody(@Size(max = 4000) String outcome) {
    }
}
