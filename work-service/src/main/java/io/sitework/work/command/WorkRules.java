package io.sitework.work.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkKind;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Invariants of work commands that hold whatever the entry point (HTTP, a schedule, a process). */
final class WorkRules {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_LINKS = 100;
    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private WorkRules() {
    }

    /**
     * The permit types work needs before it may start: those requested, and for a contractor punch item
     * at least a GENERAL permit to work (contractors never work on a site without one).
     */
    static List<PermitType> requiredPermitTypes(WorkKind kind, List<PermitType> requested) {
        List<PermitType> types = requested == null ? List.of() : requested.stream().distinct().toList();
        if (types.isEmpty() && kind == WorkKind.CONTRACTOR_PUNCH_ITEM) {
            return List.of(PermitType.GENERAL);
        }
        return types;
    }

    static void validateRequest(RequestWork command) {
        require(command.workId() != null && !command.workId().isBlank(), "work.id-required", "a work id is required");
        require(command.siteId() != null && !command.siteId().isBlank(), "work.site-required", "a site is required");
        require(command.kind() != null, "work.kind-required", "a kind is required");
        require(command.priority() != null, "work.priority-required", "a priority is required");
        require(command.title() != null && !command.title().isBlank(), "work.title-required", "a title is required");
        require(command.title().strip().length() <= MAX_TITLE, "work.title-too-long", "the title is longer than " + MAX_TITLE + " characters");
        require(command.description() == null || command.description().length() <= MAX_TEXT,
                "work.description-too-long", "the description is longer than " + MAX_TEXT + " characters");
        require(size(command.assetIds()) <= MAX_LINKS, "work.too-many-assets", "a work item links at most " + MAX_LINKS + " assets");
        require(size(command.dependsOn()) <= MAX_LINKS, "work.too-many-dependencies", "a work item depends on at most " + MAX_LINKS + " others");
        require(command.dependsOn() == null || !command.dependsOn().contains(command.workId()), "work.depends-on-itself",
                "work cannot depend on itself");
        require(size(command.watchers()) <= MAX_LINKS, "work.too-many-watchers", "at most " + MAX_LINKS + " watchers");
        require(size(command.checklist()) <= 200, "work.checklist-too-long", "a checklist has at most 200 items");
        validateWindow(command.plannedStart(), command.plannedEnd(), false);
        validateChecklist(command.checklist());
        if (command.documents() != null) {
            for (DocumentRef doc : command.documents()) {
                if (doc == null || doc.title() == null || doc.title().isBlank() || doc.url() == null || doc.url().isBlank()
                        || doc.url().length() > 2000) {
                    throw new InvalidValueException("documents", "every document needs a title and a url of at most 2000 characters");
                }
            }
        }
    }

    static void validateChecklist(List<ChecklistItemSpec> checklist) {
        if (checklist == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (ChecklistItemSpec item : checklist) {
            if (item == null || item.itemId() == null || !ITEM_ID.matcher(item.itemId()).matches()) {
                throw new InvalidValueException("checklist", "every item needs an itemId of letters, digits, - or _ (at most 64)");
            }
            if (!ids.add(item.itemId())) {
                throw new InvalidValueException("checklist", "item id " + item.itemId() + " is used twice");
            }
            if (item.label() == null || item.label().isBlank() || item.label().length() > 200) {
                throw new InvalidValueException("checklist", "item " + item.itemId() + " needs a label of at most 200 characters");
            }
            if (item.type() == null) {
                throw new InvalidValueException("checklist", "item " + item.itemId() + " needs a type (CHECK, NUMBER, TEXT or CHOICE)");
            }
            switch (item.type()) {
                case NUMBER -> {
                    if (item.min() != null && item.max() != null && item.min().compareTo(item.max()) > 0) {
                        throw new InvalidValueException("checklist", "item " + item.itemId() + ": min is above max");
                    }
                }
                case CHOICE -> {
                    if (item.options().isEmpty()) {
                        throw new InvalidValueException("checklist", "item " + item.itemId() + " needs options");
                    }
                    if (!item.options().containsAll(item.failingOptions())) {
                        throw new InvalidValueException("checklist", "item " + item.itemId() + ": failing options must be among the options");
                    }
                }
                default -> {
                }
            }
        }
    }

    static void validateWindow(Instant start, Instant end, boolean required) {
        if (required && (start == null || end == null)) {
            throw new InvalidValueException("plannedStart", "a planned window needs plannedStart and plannedEnd");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidValueException("plannedEnd", "the planned window must end after it starts");
        }
    }

    static void validateAssignment(String ownerId, List<Assignee> assignees, List<String> watchers) {
        if (ownerId != null && ownerId.length() > 100) {
            throw new InvalidValueException("ownerId", "at most 100 characters");
        }
        if (size(assignees) > MAX_LINKS || size(watchers) > MAX_LINKS) {
            throw new InvalidValueException("assignees", "at most " + MAX_LINKS + " assignees and watchers");
        }
    }

    static void validateBlocker(BlockerType type, String reason, String reference) {
        if (type == null) {
            throw new InvalidValueException("type", "a blocker needs a type");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidValueException("reason", "a blocker needs a reason of at most 1000 characters");
        }
        if (reference != null && reference.length() > 200) {
            throw new InvalidValueException("reference", "at most 200 characters");
        }
    }

    static String validateComment(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidValueException("text", "a comment needs text of at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    static String requireReason(String reason, String action) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a reason is required when work is " + action);
        }
        if (reason.length() > 1000) {
            throw new InvalidValueException("reason", "at most 1000 characters");
        }
        return reason.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new DomainRuleViolation(code, "Work cannot be requested: " + message);
        }
    }
}
