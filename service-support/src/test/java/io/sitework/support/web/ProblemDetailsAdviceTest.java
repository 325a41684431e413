package io.sitework.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAdviceTest {

    @Test
    void aRejectedValueIsQuotedReadablyAndShort() {
        assertThat(ProblemDetailsAdvice.shown("not-a-uuid")).isEqualTo("not-a-uuid");
        assertThat(ProblemDetailsAdvice.shown(new String[]{"-1", "../x"})).as("a repeated parameter").isEqualTo("-1, ../x");
        assertThat(ProblemDetailsAdvice.shown("x".repeat(70_000))).hasSize(81).endsWith("…");
        assertThat(ProblemDetailsAdvice.shown(null)).isEqualTo("null");
    }
}
