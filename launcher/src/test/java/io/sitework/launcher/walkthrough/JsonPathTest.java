package io.sitework.launcher.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {

    private static final JsonNode DOC = json("""
            {"id": "w-1", "total": 3, "blocked": true,
             "transitions": {"closedBy": "carla", "reopenCount": 1},
             "items": [{"id": "a"}, {"id": "b", "tags": ["x", "y"]}, {"id": "c"}],
             "odd.name": "dotted", "empty": []}""");

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String path, JsonNode doc) {
        return JsonPath.compile(path).select(doc).asText();
    }

    @Test
    void dollarIsTheWholeDocument() {
        assertThat(JsonPath.compile("$").select(DOC)).isSameAs(DOC);
    }

    @Test
    void fieldsAndNestedFields() {
        assertThat(text("$.id", DOC)).isEqualTo("w-1");
        assertThat(text("$.transitions.closedBy", DOC)).isEqualTo("carla");
        assertThat(JsonPath.compile("$.total").select(DOC).asInt()).isEqualTo(3);
    }

    @Test
    void arrayIndexesCountFromZeroAndNegativeOnesFromTheEnd() {
        assertThat(text("$.items[0].id", DOC)).isEqualTo("a");
        assertThat(text("$.items[1].tags[1]", DOC)).isEqualTo("y");
        assertThat(text("$.items[-1].id", DOC)).isEqualTo("c");
        assertThat(text("$[1]", json("[\"first\", \"second\"]"))).isEqualTo("second");
    }

    @Test
    void quotedNamesAllowDotsAndSpaces() {
        assertThat(text("$['odd.name']", DOC)).isEqualTo("dotted");
        assertThat(text("$[\"transitions\"].reopenCount", DOC)).isEqualTo("1");
    }

    @Test
    void lengthOfArraysObjectsAndStrings() {
        assertThat(JsonPath.compile("$.items.length()").select(DOC).asInt()).isEqualTo(3);
        assertThat(JsonPath.compile("$.empty.length()").select(DOC).asInt()).isZero();
        assertThat(JsonPath.compile("$.transitions.length()").select(DOC).asInt()).isEqualTo(2);
        assertThat(JsonPath.compile("$.id.length()").select(DOC).asInt()).isEqualTo(3);
    }

    @Test
    void whatIsNotThereIsMissing() {
        assertThat(JsonPath.compile("$.nope").select(DOC).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.items[7].id").select(DOC).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.id.deeper").select(DOC).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.id[0]").select(DOC).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.nope.length()").select(DOC).isMissingNode()).isTrue();
        assertThat(JsonPath.compile("$.id").select(null).isMissingNode()).isTrue();
    }

    @Test
    void unsupportedSyntaxIsRefusedWithTheOffendingPart() {
        assertThatThrownBy(() -> JsonPath.compile("id")).hasMessageContaining("starts with $");
        assertThatThrownBy(() -> JsonPath.compile("$.items[*].id")).hasMessageContaining("at '[*].id'");
        assertThatThrownBy(() -> JsonPath.compile("$..id")).hasMessageContaining("Unsupported");
        assertThatThrownBy(() -> JsonPath.compile("$.items[?(@.id == 'a')]")).hasMessageContaining("Unsupported");
    }
}
