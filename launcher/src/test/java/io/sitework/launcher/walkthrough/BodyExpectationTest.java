package io.sitework.launcher.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyExpectationTest {

    private static final JsonNode BODY = json("""
            {"id": "3f1c", "status": "PLANNED", "blocked": true, "total": 2, "max": 7.10, "note": null,
             "detail": "Work cannot be closed: checklist items failed or out of limits: 'Bearing vibration'",
             "items": [{"workId": "3f1c", "blocker": {"type": "PARTS"}}], "byStatus": {"CLOSED": 2}}""");

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> check(String line) {
        return BodyExpectation.parse(line).check(BODY, UnaryOperator.identity());
    }

    @Test
    void equalityOfStringsBooleansNumbersAndNull() {
        assertThat(check("$.status == PLANNED")).isEmpty();
        assertThat(check("$.blocked == true")).isEmpty();
        assertThat(check("$.total == 2")).isEmpty();
        assertThat(check("$.max == 7.1")).as("numbers compare by value").isEmpty();
        assertThat(check("$.note == null")).isEmpty();
        assertThat(check("$.status != DONE")).isEmpty();
        assertThat(check("$.byStatus == {\"CLOSED\": 2}")).as("objects compare as JSON").isEmpty();

        assertThat(check("$.status == DONE")).hasValueSatisfying(m -> assertThat(m).contains("$.status is \"PLANNED\""));
        assertThat(check("$.blocked == false")).isPresent();
        assertThat(check("$.total == 3")).isPresent();
        assertThat(check("$.total == two")).isPresent();
    }

    @Test
    void quotesKeepSpacesInTheExpectedText() {
        assertThat(check("$.detail contains \"'Bearing vibration'\"")).isEmpty();
        assertThat(check("$.status == \"PLANNED\"")).isEmpty();
    }

    @Test
    void numericComparisons() {
        assertThat(check("$.total >= 1")).isEmpty();
        assertThat(check("$.total >= 2")).isEmpty();
        assertThat(check("$.total > 1")).isEmpty();
        assertThat(check("$.total <= 2")).isEmpty();
        assertThat(check("$.total < 3")).isEmpty();
        assertThat(check("$.byStatus.CLOSED >= 2")).isEmpty();

        assertThat(check("$.total >= 3")).hasValueSatisfying(m -> assertThat(m).isEqualTo("$.total >= 3: $.total is 2"));
        assertThat(check("$.status > 1")).as("not a number").isPresent();
    }

    @Test
    void containsLooksIntoStringsAndIntoTheJsonOfObjectsAndArrays() {
        assertThat(check("$.detail contains Bearing vibration")).isEmpty();
        assertThat(check("$.items contains 3f1c")).isEmpty();
        assertThat(check("$.items contains PARTS")).isEmpty();
        assertThat(check("$.items contains 9999")).isPresent();
    }

    @Test
    void existsHoldsForAnyValueEvenNull() {
        assertThat(check("$.id exists")).isEmpty();
        assertThat(check("$.note exists")).isEmpty();
        assertThat(check("$.nope exists")).hasValue("$.nope exists: nothing at $.nope");
    }

    @Test
    void aMissingValueFailsEveryComparison() {
        assertThat(check("$.nope == x")).hasValue("$.nope == x: nothing at $.nope");
        assertThat(check("$.nope != x")).isPresent();
        assertThat(check("$.items[3].workId >= 1")).isPresent();
    }

    @Test
    void theExpectedValueIsResolvedLikeTheRequest() {
        BodyExpectation expectation = BodyExpectation.parse("$.items contains {{seal.response.body.$.id}}");

        assertThat(expectation.check(BODY, value -> value.replace("{{seal.response.body.$.id}}", "3f1c"))).isEmpty();
        assertThat(expectation.check(BODY, value -> value.replace("{{seal.response.body.$.id}}", "77aa")))
                .hasValueSatisfying(m -> assertThat(m).startsWith("$.items contains {{seal.response.body.$.id}} (77aa): $.items is"));
    }

    @Test
    void aBodyThatIsNotJsonFailsEveryExpectation() {
        assertThat(BodyExpectation.parse("$.id exists").check(null, UnaryOperator.identity()))
                .hasValue("$.id exists: the response body is not JSON");
    }

    @Test
    void malformedExpectationsAreRefused() {
        assertThatThrownBy(() -> BodyExpectation.parse("$.status = PLANNED")).hasMessageContaining("Expected '<$.path>");
        assertThatThrownBy(() -> BodyExpectation.parse("status == PLANNED")).hasMessageContaining("Expected '<$.path>");
        assertThatThrownBy(() -> BodyExpectation.parse("$.status ==")).hasMessageContaining("Expected '<$.path>");
        assertThatThrownBy(() -> BodyExpectation.parse("$.items[*] contains x")).hasMessageContaining("Unsupported JSON path");
    }
}
