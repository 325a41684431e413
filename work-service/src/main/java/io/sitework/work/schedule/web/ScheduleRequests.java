package io.sitework.work.schedule.web;

import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.WorkTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Request bodies of the schedule API. Unknown fields are rejected (no mass assignment). */
final class ScheduleRequests {

    private ScheduleRequests() {
    }

    record CreateScheduleBody(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Valid RecurrenceBody recurrence,
            @NotNull @Valid TemplateBody template) {
    }

    record RecurrenceBody(
            @NotNull Recurrence.Type type,
            LocalTime time,
            @Size(max = 7) List<@NotNull DayOfWeek> daysOfWeek,
            Integer dayOfMonth,
            @Size(max = 200) String cron) {

        Recurrence toRecurrence() {
            return new Recurrence(type, time, daysOfWeek, dayOfMonth, cron);
        }
    }

    record TemplateBody(
            @NotNull WorkKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull Priority priority,
            @Size(max = 100) String ownerId,
            @Size(max = 100) List<@NotNull UUID> assetIds,
            @Size(max = 200) List<@Valid @NotNull ChecklistItemBody> checklist,
            @NotNull Duration duration) {

        WorkTemplate toTemplate() {
            return new WorkTemplate(kind, title, description, priority, ownerId,
                    assetIds == null ? List.of() : assetIds.stream().map(UUID::toString).distinct().toList(),
                    checklist == null ? List.of() : checklist.stream().map(ChecklistItemBody::toSpec).toList(), duration);
        }
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
}
