package io.sitework.support.axon;

import io.sitework.support.web.BadRequestException;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandMetadataTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void businessTimeIsAnInstantNotInTheFuture() {
        assertThat(CommandMetadata.parseOccurredAt("2026-11-25T06:10:00Z", NOW)).isEqualTo(Instant.parse("2026-11-25T06:10:00Z"));
        assertThat(CommandMetadata.parseOccurredAt(" 2026-11-25T09:00:30Z ", NOW)).as("within a minute of clock skew")
                .isEqualTo(Instant.parse("2026-11-25T09:00:30Z"));
        assertThatThrownBy(() -> CommandMetadata.parseOccurredAt("2026-11-25T09:02:00Z", NOW))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> CommandMetadata.parseOccurredAt("25/11/2026 06:10", NOW))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("X-Occurred-At"));
    }

    @Test
    void anEventsBusinessTimeComesFromItsMetadata() {
        assertThat(CommandMetadata.occurredAt(MetaData.from(Map.of("occurredAt", "2026-11-25T06:10:00Z"))))
                .contains(Instant.parse("2026-11-25T06:10:00Z"));
        assertThat(CommandMetadata.occurredAt(MetaData.emptyInstance())).isEmpty();
    }

    @Test
    void outsideARequestThereIsNoBusinessTime() {
        assertThat(CommandMetadata.occurredAtHeader()).isEmpty();
        assertThat(CommandMetadata.current().get(CommandMetadata.OCCURRED_AT)).isNull();
    }
}
