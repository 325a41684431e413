package io.sitework.work.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.work.api.WorkCommands.RequestWork;

/** Invariants of a work request that hold whatever the entry point (HTTP, a schedule, a process). */
final class WorkRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ASSETS = 100;

    private WorkRules() {
    }

    static void validateRequest(RequestWork command) {
        require(command.workId() != null && !command.workId().isBlank(), "work.id-required", "a work id is required");
        require(command.siteId() != null && !command.siteId().isBlank(), "work.site-required", "a site is required");
        require(command.kind() != null, "work.kind-required", "a kind is required");
        require(command.priority() != null, "work.priority-required", "a priority is required");
        require(command.title() != null && !command.title().isBlank(), "work.title-required", "a title is required");
        require(command.title().strip().length() <= MAX_TITLE, "work.title-too-long", "the title is longer than " + MAX_TITLE + " characters");
        require(command.description() == null || command.description().length() <= MAX_DESCRIPTION,
                "work.description-too-long", "the description is longer than " + MAX_DESCRIPTION + " characters");
        require(command.assetIds() == null || command.assetIds().size() <= MAX_ASSETS,
                "work.too-many-assets", "a work item links at most " + MAX_ASSETS + " assets");
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new DomainRuleViolation(code, "Work cannot be requested: " + message);
        }
    }
}
