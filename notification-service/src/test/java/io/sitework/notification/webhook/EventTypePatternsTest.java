package io.sitework.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypePatternsTest {

    @Test
    void anExactTypeMatchesOnlyItself() {
        assertThat(EventTypePatterns.matches("io.sitework.permit.suspended.v1", "io.sitework.permit.suspended.v1")).isTrue();
        assertThat(EventTypePatterns.matches("io.sitework.permit.suspended.v1", "io.sitework.permit.suspended.v2")).isFalse();
    }

    @Test
    void aPrefixPatternMatchesEveryTypeStartingWithIt() {
        assertThat(EventTypePatterns.matches("io.sitework.permit.*", "io.sitework.permit.suspended.v1")).isTrue();
        assertThat(EventTypePatterns.matches("io.sitework.permit.*", "io.sitework.permit.teleported.v7")).as("types added later").isTrue();
        assertThat(EventTypePatterns.matches("io.sitework.permit.*", "io.sitework.work.requested.v1")).isFalse();
        assertThat(EventTypePatterns.matches("io.sitework.*", "io.sitework.work.requested.v1")).isTrue();
    }

    @Test
    void acceptsCatalogueTypesAndPrefixesThatCoverOne() {
        assertThat(EventTypePatterns.problemWith("io.sitework.work.requested.v1")).isNull();
        assertThat(EventTypePatterns.problemWith("io.sitework.permit.*")).isNull();
        assertThat(EventTypePatterns.problemWith("io.sitework.*")).isNull();
    }

    @Test
    void refusesUnknownTypesTyposAndStarsInTheMiddle() {
        assertThat(EventTypePatterns.problemWith("io.sitework.work.teleported.v1")).contains("not an event type");
        assertThat(EventTypePatterns.problemWith("io.sitework.permti.*")).contains("matches no event type");
        assertThat(EventTypePatterns.problemWith("io.sitework.*.suspended.v1")).contains("may only end");
        assertThat(EventTypePatterns.problemWith(" ")).contains("blank");
        assertThat(EventTypePatterns.problemWith(null)).contains("blank");
    }
}
