package io.sitework.work.command;

import io.sitework.work.api.ChecklistItemSpec;

import java.util.List;

/** The checklist rules of work requests, for whoever prepares a request ahead of time (a schedule's template). */
public final class ChecklistRules {

    private ChecklistRules() {
    }

    /** @throws io.sitework.support.domain.InvalidValueException naming {@code checklist} when an item is malformed */
    public static void validate(List<ChecklistItemSpec> checklist) {
        WorkRules.validateChecklist(checklist);
    }
}
