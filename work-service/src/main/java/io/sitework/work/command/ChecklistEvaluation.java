package io.sitework.work.command;

import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.ChecklistItemSpec.Result;

import java.math.BigDecimal;
import java.util.Locale;

/** Judges a recorded value against its checklist item: a reading outside its limits fails. */
final class ChecklistEvaluation {

    record Outcome(String normalisedValue, Result result) {
    }

    private ChecklistEvaluation() {
    }

    static Outcome evaluate(ChecklistItemSpec item, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("value", "a value is required for checklist item '" + item.label() + "'");
        }
        String value = raw.strip();
        if (value.length() > 2000) {
            throw new InvalidValueException("value", "at most 2000 characters");
        }
        return switch (item.type()) {
            case CHECK -> check(value);
            case NUMBER -> number(item, value);
            case TEXT -> new Outcome(value, Result.RECORDED);
            case CHOICE -> choice(item, value);
        };
    }

    private static Outcome check(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "ok", "yes" -> new Outcome("true", Result.PASSED);
            case "false", "nok", "no" -> new Outcome("false", Result.FAILED);
            default -> throw new InvalidValueException("value", "a check is answered with true or false");
        };
    }

    private static Outcome number(ChecklistItemSpec item, String value) {
        BigDecimal reading;
        try {
            reading = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("value", "'" + value + "' is not a number" + (item.unit() == null ? "" : " of " + item.unit()));
        }
        // written out, an exponent like 1e999999999 is a billion digits (or fails): keep to the length of any value
        long writtenOut = Math.max((long) reading.precision() - reading.scale(), 1) + Math.max(reading.scale(), 0);
        if (writtenOut > 2000) {
            throw new InvalidValueException("value", "'" + value + "' has more than 2000 digits when written out");
        }
        boolean tooLow = item.min() != null && reading.compareTo(item.min()) < 0;
        boolean tooHigh = item.max() != null && reading.compareTo(item.max()) > 0;
        return new Outcome(reading.toPlainString(), tooLow || tooHigh ? Result.FAILED : Result.PASSED);
    }

    private static Outcome choice(ChecklistItemSpec item, String value) {
        String match = item.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidValueException("value", "must be one of " + String.join(", ", item.options())));
        boolean failing = item.failingOptions().stream().anyMatch(o -> o.equalsIgnoreCase(match));
        return new Outcome(match, failing ? Result.FAILED : Result.PASSED);
    }
}
