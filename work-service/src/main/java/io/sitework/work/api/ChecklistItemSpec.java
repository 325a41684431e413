package io.sitework.work.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item of a work item's checklist, as planned.
 *
 * @param itemId       unique within the checklist (letters, digits, - and _), used in the URL to record it
 * @param type         CHECK (yes/no), NUMBER (a reading with unit and limits), TEXT or CHOICE (one of options)
 * @param mandatory    closing needs it recorded (and passed), unless a supervisor overrides
 * @param min          lowest acceptable reading (NUMBER), inclusive; null when unbounded
 * @param max          highest acceptable reading (NUMBER), inclusive; null when unbounded
 * @param options      the allowed answers (CHOICE)
 * @param failingOptions answers that count as failed (CHOICE), e.g. "leaking"
 * @param raiseFinding whether a failed result raises an INSPECTION_FINDING work item linked to this one
 */
public record ChecklistItemSpec(
        String itemId,
        String label,
        ChecklistItemType type,
        boolean mandatory,
        String unit,
        BigDecimal min,
        BigDecimal max,
        List<String> options,
        List<String> failingOptions,
        boolean raiseFinding) {

    public ChecklistItemSpec {
        options = options == null ? List.of() : List.copyOf(options);
        failingOptions = failingOptions == null ? List.of() : List.copyOf(failingOptions);
    }

    public enum ChecklistItemType {
        CHECK, NUMBER, TEXT, CHOICE
    }

    /** The result of a recorded value for this item. */
    public enum Result {
        PASSED, FAILED, RECORDED
    }
}
