package io.sitework.work.web;

import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
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
            Instant plannedStart,
            Instant plannedEnd,
            @Size(max = 100) List<@NotNull UUID> assetIds,
            @Size(max = 7) List<@NotNull PermitType> requiredPermitTypes,
            @Size(max = 100) List<@NotNull UUID> dependsOn,
            UUID contractorId,
            @Size(max = 200) List<@Valid @NotNull ChecklistItemBody> checklist,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> watchers,
            @Size(max = 50) List<@Valid @NotNull DocumentBody> documents) {
    }

    record ChecklistItemBody(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "letters, digits, - or _ (at most 64)") String itemId,
            @NotBlank @Size(max = 200) String label,
            @NotNull ChecklistItemSpec.ChecklistItemType type,
            boolean mandatory,
            @Size(max = 20) String unit,
            BigDecimal min,
            BigDecimal max,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> options,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> failingOptions,
            boolean raiseFinding) {

        ChecklistItemSpec toSpec() {
            return new ChecklistItemSpec(itemId, label.strip(), type, mandatory, unit, min, max, options, failingOptions, raiseFinding);
        }
    }

    record DocumentBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String url) {
        DocumentRef toRef() {
            return new DocumentRef(title.strip(), url.strip());
        }
    }

    record AssigneeBody(@NotNull Assignee.AssigneeType type, @NotBlank @Size(max = 100) String id) {
        Assignee toAssignee() {
            return new Assignee(type, id.strip());
        }
    }

    record PlanBody(@NotNull Instant plannedStart, @NotNull Instant plannedEnd,
                    @Size(max = 100) List<@Valid @NotNull AssigneeBody> assignees, Instant dueAt) {
    }

    record AssignBody(@Size(max = 100) String ownerId, @Size(max = 100) List<@Valid @NotNull AssigneeBody> assignees,
                      @Size(max = 100) List<@NotBlank @Size(max = 100) String> watchers) {
    }

    record ReasonBody(@NotBlank @Size(max = 1000) String reason) {
    }

    record CompleteBody(@Size(max = 4000) String outcome) {
    }

    record CloseBody(boolean override, @Size(max = 1000) String overrideReason) {
    }

    record BlockerBody(@NotNull BlockerType type, @NotBlank @Size(max = 1000) String reason, @Size(max = 200) String reference) {
    }

    record ResolveBody(@Size(max = 1000) String note) {
    }

    record ChecklistValueBody(@NotBlank @Size(max = 2000) String value, @Size(max = 1000) String note) {
    }

    record CommentBody(@NotBlank @Size(max = 4000) String text) {
    }

    record Created(String id) {
    }
}
