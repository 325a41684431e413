package io.sitework.context.permit.web;

import io.sitework.context.permit.api.PermitType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request bodies of the permit API. Unknown fields are rejected (no mass assignment). */
final class PermitRequests {

    private PermitRequests() {
    }

    record RequestPermitBody(
            @NotNull UUID siteId,
            @NotNull PermitType type,
            @Size(max = 50) List<@NotNull UUID> workIds,
            @Size(max = 100) List<@NotNull UUID> assetIds,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> hazards,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> controls,
            @NotNull Instant validFrom,
            @NotNull Instant validTo,
            @Size(max = 50) List<@Valid @NotNull IsolationBody> isolations) {
    }

    record IsolationBody(
            @NotBlank @Size(max = 200) String point,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case code (e.g. LOCK_OUT_TAG_OUT)")
            String method,
            UUID assetId) {
    }

    record ReasonBody(@NotBlank @Size(max = 1000) String reason) {
    }

    record IssueBody(@Size(max = 100) String holderId) {
    }
}
