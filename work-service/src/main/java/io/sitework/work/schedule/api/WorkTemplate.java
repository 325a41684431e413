package io.sitework.work.schedule.api;

import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The work item a schedule requests at each occurrence. It is due {@code duration} after the
 * occurrence, and planned for that window.
 */
public record WorkTemplate(
        WorkKind kind,
        String title,
        String description,
        Priority priority,
        String ownerId,
        List<String> assetIds,
        List<ChecklistItemSpec> checklist,
        Duration duration) {

    public WorkTemplate {
        assetIds = copy(assetIds);
        checklist = copy(checklist);
    }

    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(list == null ? new ArrayList<>() : new ArrayList<>(list));
    }
}
