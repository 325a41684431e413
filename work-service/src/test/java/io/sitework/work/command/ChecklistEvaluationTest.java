package io.sitework.work.command;

import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.ChecklistItemSpec.ChecklistItemType;
import io.sitework.work.api.ChecklistItemSpec.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a recorded value is judged against its checklist item. */
class ChecklistEvaluationTest {

    static final ChecklistItemSpec CHECK = item(ChecklistItemType.CHECK, null, null, null, List.of(), List.of());
    static final ChecklistItemSpec PRESSURE = item(ChecklistItemType.NUMBER, "bar", new BigDecimal("2.5"), new BigDecimal("4.0"),
            List.of(), List.of());
    static final ChecklistItemSpec AT_LEAST = item(ChecklistItemType.NUMBER, null, new BigDecimal("0"), null, List.of(), List.of());
    static final ChecklistItemSpec AT_MOST = item(ChecklistItemType.NUMBER, "°C", null, new BigDecimal("80"), List.of(), List.of());
    static final ChecklistItemSpec ANY_NUMBER = item(ChecklistItemType.NUMBER, null, null, null, List.of(), List.of());
    static final ChecklistItemSpec TEXT = item(ChecklistItemType.TEXT, null, null, null, List.of(), List.of());
    static final ChecklistItemSpec CONDITION = item(ChecklistItemType.CHOICE, null, null, null, List.of("Good", "Worn", "Leaking"),
            List.of("Leaking"));

    static ChecklistItemSpec item(ChecklistItemType type, String unit, BigDecimal min, BigDecimal max, List<String> options,
                                  List<String> failing) {
        return new ChecklistItemSpec("item-1", "The item", type, true, unit, min, max, options, failing, false);
    }

    static ChecklistEvaluation.Outcome evaluate(ChecklistItemSpec item, String value) {
        return ChecklistEvaluation.evaluate(item, value);
    }

    static void assertInvalid(ChecklistItemSpec item, String value, String message) {
        assertThatThrownBy(() -> evaluate(item, value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("value");
    }

    // ---- any type ----

    @Test
    void aValueIsRequired() {
        for (ChecklistItemSpec item : List.of(CHECK, PRESSURE, TEXT, CONDITION)) {
            assertInvalid(item, null, "a value is required for checklist item 'The item'");
            assertInvalid(item, "   ", "a value is required for checklist item 'The item'");
        }
    }

    @Test
    void aValueHasAtMost2000Characters() {
        assertThat(evaluate(TEXT, "x".repeat(2000)).result()).isEqualTo(Result.RECORDED);
        assertInvalid(TEXT, "x".repeat(2001), "at most 2000 characters");
        assertThat(evaluate(TEXT, "  " + "x".repeat(2000) + "  ").normalisedValue()).hasSize(2000);
    }

    // ---- CHECK ----

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "Yes", "ok", "OK", " ok "})
    void aCheckAnsweredYesPasses(String value) {
        assertThat(evaluate(CHECK, value)).isEqualTo(new ChecklistEvaluation.Outcome("true", Result.PASSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "NO", "nok", "NOK", " nok "})
    void aCheckAnsweredNoFails(String value) {
        assertThat(evaluate(CHECK, value)).isEqualTo(new ChecklistEvaluation.Outcome("false", Result.FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "y", "n", "1", "0", "not ok", "tru"})
    void anyOtherAnswerToACheckIsInvalid(String value) {
        assertInvalid(CHECK, value, "a check is answered with true or false");
    }

    // ---- NUMBER ----

    @ParameterizedTest
    @CsvSource({
            "2.5, 2.5, PASSED",     // the lower limit is inclusive
            "4.0, 4.0, PASSED",     // the upper limit is inclusive
            "4, 4, PASSED",         // compared by value, not by scale
            "2.50, 2.50, PASSED",
            "3.14159, 3.14159, PASSED",
            "2.49, 2.49, FAILED",   // below
            "4.01, 4.01, FAILED",   // above
            "-3, -3, FAILED",
            "1e1, 10, FAILED",      // exponents are written out
            "' +3.5 ', 3.5, PASSED" // surrounding blanks and a plus sign go
    })
    void aReadingIsJudgedAgainstItsLimits(String value, String normalised, Result result) {
        assertThat(evaluate(PRESSURE, value)).isEqualTo(new ChecklistEvaluation.Outcome(normalised, result));
    }

    @Test
    void aLimitMayBeOpen() {
        assertThat(evaluate(AT_LEAST, "0").result()).isEqualTo(Result.PASSED);
        assertThat(evaluate(AT_LEAST, "1000000").result()).isEqualTo(Result.PASSED);
        assertThat(evaluate(AT_LEAST, "-0.001").result()).isEqualTo(Result.FAILED);
        assertThat(evaluate(AT_MOST, "-40").result()).isEqualTo(Result.PASSED);
        assertThat(evaluate(AT_MOST, "80").result()).isEqualTo(Result.PASSED);
        assertThat(evaluate(AT_MOST, "80.0001").result()).isEqualTo(Result.FAILED);
        assertThat(evaluate(ANY_NUMBER, "-123456789.123").result()).isEqualTo(Result.PASSED);
    }

    @Test
    void minusZeroIsZero() {
        assertThat(evaluate(AT_LEAST, "-0")).isEqualTo(new ChecklistEvaluation.Outcome("0", Result.PASSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3,5", "3.5 bar", "NaN", "Infinity", "0x10", "1.2.3", "--1"})
    void aReadingThatIsNotANumberIsInvalidAndNamesTheUnit(String value) {
        assertInvalid(PRESSURE, value, "'" + value + "' is not a number of bar");
        assertInvalid(ANY_NUMBER, value, "'" + value + "' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "-9E+2147483647"})
    void anAbsurdExponentIsInvalidRatherThanWrittenOut(String value) {
        // written out, 1e999999999 is a string of a billion digits: it must never reach the event store
        assertThatThrownBy(() -> evaluate(PRESSURE, value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void largeButReasonableReadingsAreStillWrittenOut() {
        assertThat(evaluate(ANY_NUMBER, "1e20").normalisedValue()).isEqualTo("100000000000000000000");
        assertThat(evaluate(ANY_NUMBER, "1e-20").normalisedValue()).isEqualTo("0.00000000000000000001");
    }

    // ---- TEXT ----

    @Test
    void textIsRecordedStrippedAndNeitherPassesNorFails() {
        assertThat(evaluate(TEXT, "  Sleeve worn, replace next stop  "))
                .isEqualTo(new ChecklistEvaluation.Outcome("Sleeve worn, replace next stop", Result.RECORDED));
        assertThat(evaluate(TEXT, "nok")).isEqualTo(new ChecklistEvaluation.Outcome("nok", Result.RECORDED));
    }

    // ---- CHOICE ----

    @ParameterizedTest
    @CsvSource({
            "Good, Good, PASSED",
            "good, Good, PASSED",    // case-insensitive, stored as the option is spelt
            "' WORN ', Worn, PASSED",
            "Leaking, Leaking, FAILED",
            "leaking, Leaking, FAILED"
    })
    void aChoiceIsOneOfTheOptions(String value, String normalised, Result result) {
        assertThat(evaluate(CONDITION, value)).isEqualTo(new ChecklistEvaluation.Outcome(normalised, result));
    }

    @Test
    void failingOptionsMatchWhateverTheirCase() {
        ChecklistItemSpec item = item(ChecklistItemType.CHOICE, null, null, null, List.of("OK", "Cracked"), List.of("cracked"));
        assertThat(evaluate(item, "CRACKED").result()).isEqualTo(Result.FAILED);
        assertThat(evaluate(item, "ok").result()).isEqualTo(Result.PASSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Broken", "Goo", "Good!"})
    void anAnswerThatIsNotAnOptionIsInvalid(String value) {
        assertInvalid(CONDITION, value, "must be one of Good, Worn, Leaking");
    }
}
