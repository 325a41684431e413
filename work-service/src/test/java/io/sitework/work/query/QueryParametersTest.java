package io.sitework.work.query;

import io.sitework.support.web.BadRequestException;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.WorkStatus;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void enumListsMayBeRepeatedOrCommaSeparatedInAnyCase() {
        assertThat(QueryParameters.enumValues("status", null, WorkStatus.class)).isEmpty();
        assertThat(QueryParameters.enumValues("status", List.of(), WorkStatus.class)).isEmpty();
        assertThat(QueryParameters.enumValues("status", List.of("PLANNED"), WorkStatus.class)).containsExactly(WorkStatus.PLANNED);
        assertThat(QueryParameters.enumValues("status", List.of("PLANNED,IN_PROGRESS"), WorkStatus.class))
                .containsExactlyInAnyOrder(WorkStatus.PLANNED, WorkStatus.IN_PROGRESS);
        assertThat(QueryParameters.enumValues("status", List.of("planned", " in_progress , ,on_hold ", "PLANNED"), WorkStatus.class))
                .containsExactlyInAnyOrder(WorkStatus.PLANNED, WorkStatus.IN_PROGRESS, WorkStatus.ON_HOLD);
        assertThat(QueryParameters.enumValues("status", Arrays.asList("", null, " , "), WorkStatus.class)).isEmpty();
        assertThat(QueryParameters.enumValues("blockerType", List.of("other_work"), BlockerType.class)).containsExactly(BlockerType.OTHER_WORK);
    }

    @Test
    void anUnknownEnumValueIsA400NamingTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> QueryParameters.enumValues("status", List.of("PLANNED,SLEEPING"), WorkStatus.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("status");
                    assertThat(e.getMessage()).contains("'SLEEPING'").contains("REQUESTED").contains("CANCELLED");
                });
        assertThatThrownBy(() -> QueryParameters.enumValues("blockerType", List.of("BAD_LUCK"), BlockerType.class))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("blockerType"));
    }

    @Test
    void aSearchIsLowerCasedWordsEveryOneRequired() {
        assertThat(QueryParameters.searchTerms(null)).isEmpty();
        assertThat(QueryParameters.searchTerms("  \t ")).isEmpty();
        assertThat(QueryParameters.searchTerms("Pump")).containsExactly("pump");
        assertThat(QueryParameters.searchTerms("  Seal   P-101\tseal ")).containsExactly("seal", "p-101");
        assertThat(QueryParameters.searchTerms("x".repeat(200))).hasSize(1);
        assertThatThrownBy(() -> QueryParameters.searchTerms("x".repeat(201)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("q"));
    }

    @Test
    void aSearchWithAControlCharacterIsRefusedNamingQ() {
        // a NUL cannot be sent to MongoDB in a regular expression at all (the fuzzer's GET ...?q=%00%01%1F)
        for (String q : List.of("pump\u0000", "\u0000\u0001\u001F", "seal\u001B[31m")) {
            assertThatThrownBy(() -> QueryParameters.searchTerms(q))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors())
                            .extracting(BadRequestException.FieldError::field, BadRequestException.FieldError::message)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("q", "must not contain control characters")));
        }
    }

    @Test
    void literalRegexesMatchTheirTextAndNothingElse() {
        for (String text : List.of("(", ")", "[1]", ".*", "a+b", "^start", "end$", "\\", "\\E", "\\Q(", "{2}", "a|b", "?", "p-101",
                "50%", "#tag", "c'est", "\"quoted\"", "día", "x/y", "a_b", "1", "\\1")) {
            Pattern pattern = Pattern.compile(QueryParameters.literalRegex(text));
            assertThat(pattern.matcher("before " + text + " after").find()).as(text).isTrue();
        }
        assertThat(Pattern.compile(QueryParameters.literalRegex(".*")).matcher("anything").find()).isFalse();
        assertThat(Pattern.compile(QueryParameters.literalRegex("f.7")).matcher("filter f-7").find()).isFalse();
        assertThat(Pattern.compile(QueryParameters.literalRegex("a+")).matcher("aaa").find()).isFalse();
        assertThat(QueryParameters.literalRegex("(urgent)")).isEqualTo("\\(urgent\\)");
        assertThat(QueryParameters.literalRegex("pump 101")).isEqualTo("pump\\ 101");
        assertThat(QueryParameters.literalRegex("día")).as("letters are never escaped").isEqualTo("día");
    }

    @Test
    void zonesAreIanaIdsOrOffsetsAndUtcByDefault() {
        assertThat(QueryParameters.zone(null)).isEqualTo(ZoneId.of("UTC"));
        assertThat(QueryParameters.zone(" ")).isEqualTo(ZoneId.of("UTC"));
        assertThat(QueryParameters.zone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(QueryParameters.zone("+02:00")).isEqualTo(ZoneOffset.ofHours(2));
        for (String bad : List.of("Mars/Olympus", "+25:00", "CEST", "Europe/")) {
            assertThatThrownBy(() -> QueryParameters.zone(bad)).as(bad)
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("zone"));
        }
    }

    @Test
    void idParametersAreStrippedAndBlankMeansAbsent() {
        assertThat(QueryParameters.optionalId("ownerId", null)).isNull();
        assertThat(QueryParameters.optionalId("ownerId", "  ")).isNull();
        assertThat(QueryParameters.optionalId("ownerId", " bruno ")).isEqualTo("bruno");
        assertThatThrownBy(() -> QueryParameters.optionalId("assigneeId", "x".repeat(201)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("assigneeId"));
    }
}
