package io.sitework.context.permit.command;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.PermitCommands.RequestPermit;
import io.sitework.support.domain.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Invariants of permit commands that hold whatever the entry point. */
final class PermitRules {

    /** The longest validity window of one permit: longer work is covered by a new permit. */
    static final Duration MAX_VALIDITY = Duration.ofDays(7);
    static final int MAX_TEXTS = 50;
    static final int MAX_TEXT = 500;
    static final int MAX_WORK = 50;
    static final int MAX_ASSETS = 100;
    static final int MAX_ISOLATIONS = 50;
    static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private PermitRules() {
    }

    static void validateRequest(RequestPermit command, Instant now) {
        require(command.siteId() != null && !command.siteId().isBlank(), "siteId", "a site is required");
        require(command.type() != null, "type", "a permit type is required");
        texts(command.hazards(), "hazards", "hazard");
        texts(command.controls(), "controls", "control");
        require(size(command.workIds()) <= MAX_WORK, "workIds", "a permit covers at most " + MAX_WORK + " work items");
        require(size(command.assetIds()) <= MAX_ASSETS, "assetIds", "a permit's scope has at most " + MAX_ASSETS + " assets");
        validateWindow(command.validFrom(), command.validTo(), now);
        validateIsolations(command.isolations());
    }

    static void validateWindow(Instant validFrom, Instant validTo, Instant now) {
        require(validFrom != null, "validFrom", "the start of the validity window is required");
        require(validTo != null, "validTo", "the end of the validity window is required");
        require(validTo.isAfter(validFrom), "validTo", "the validity window must end after it starts");
        require(Duration.between(validFrom, validTo).compareTo(MAX_VALIDITY) <= 0, "validTo",
                "a permit is valid for at most " + MAX_VALIDITY.toDays() + " days");
        require(validTo.isAfter(now), "validTo", "the validity window must end in the future");
    }

    private static void validateIsolations(List<IsolationPoint> isolations) {
        require(size(isolations) <= MAX_ISOLATIONS, "isolations", "a permit has at most " + MAX_ISOLATIONS + " isolation points");
        if (isolations == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (IsolationPoint point : isolations) {
            require(point != null && point.isolationId() != null && !point.isolationId().isBlank(), "isolations",
                    "every isolation point needs an id");
            require(ids.add(point.isolationId()), "isolations", "isolation point id " + point.isolationId() + " is used twice");
            require(point.point() != null && !point.point().isBlank() && point.point().strip().length() <= 200, "isolations",
                    "every isolation point needs a point (where) of at most 200 characters");
            require(point.method() != null && METHOD.matcher(point.method()).matches(), "isolations",
                    "every isolation point needs a method as an upper-case code (e.g. LOCK_OUT_TAG_OUT)");
        }
    }

    private static void texts(List<String> values, String field, String what) {
        require(values != null && !values.isEmpty(), field, "at least one " + what + " is required");
        require(values.size() <= MAX_TEXTS, field, "at most " + MAX_TEXTS + " " + what + "s");
        for (String value : values) {
            require(value != null && !value.isBlank() && value.strip().length() <= MAX_TEXT, field,
                    "every " + what + " needs text of at most " + MAX_TEXT + " characters");
        }
    }

    static String requireReason(String reason, String action) {
        require(reason != null && !reason.isBlank(), "reason", "a reason is required when a permit is " + action);
        require(reason.strip().length() <= 1000, "reason", "at most 1000 characters");
        return reason.strip();
    }

    static String optionalPerson(String person, String field) {
        if (person == null || person.isBlank()) {
            return null;
        }
        require(person.strip().length() <= 100, field, "at most 100 characters");
        return person.strip();
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
