package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.checklist_item_recorded.v1}: a checklist item was recorded; {@code result} is PASSED, FAILED (a reading outside its limits, a failed check) or RECORDED. */
public record ChecklistItemRecorded(String workId, String siteId, String itemId, String label, String value, String unit, String result, String note, String recordedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
