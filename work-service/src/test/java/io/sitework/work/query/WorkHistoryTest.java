package io.sitework.work.query;

import io.sitework.work.api.BlockerType;
import io.sitework.work.api.WorkEvents;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkHistoryTest {

    private static final WorkHistory HISTORY = new WorkHistory(null);

    private static GenericDomainEventMessage<Object> stored(long sequence, Object payload, Map<String, ?> metadata) {
        return new GenericDomainEventMessage<>("Work", "w-1", sequence, payload, MetaData.from(metadata));
    }

    @Test
    void anEventWithAPublicTypeShowsThePublicTypeAndData() {
        WorkHistory.Entry entry = HISTORY.entry(stored(3,
                new WorkEvents.BlockerRaised("w-1", "s-1", "b-1", BlockerType.PARTS, "Seal kit missing", "PO-1", false),
                Map.of("actor", "tina", "correlationId", "c-9")));

        assertThat(entry.sequence()).isEqualTo(3);
        assertThat(entry.type()).isEqualTo("io.sitework.work.blocker_raised.v1");
        assertThat(entry.actor()).isEqualTo("tina");
        assertThat(entry.correlationId()).isEqualTo("c-9");
        assertThat(entry.occurredAt()).isNotNull();
        assertThat(entry.id()).isNotBlank();
        assertThat(entry.data().get("blockerId").asText()).isEqualTo("b-1");
        assertThat(entry.data().get("type").asText()).isEqualTo("PARTS");
        assertThat(entry.data().get("raisedBy").asText()).as("the public event names the actor").isEqualTo("tina");
        assertThat(entry.data().get("reference").asText()).isEqualTo("PO-1");
    }

    @Test
    void missingMetadataIsAbsentNotAFailure() {
        WorkHistory.Entry entry = HISTORY.entry(stored(0, new WorkEvents.WorkStarted("w-1", "s-1"), Map.of()));
        assertThat(entry.type()).isEqualTo("io.sitework.work.started.v1");
        assertThat(entry.actor()).isNull();
        assertThat(entry.correlationId()).isNull();
    }

    /** A domain event this version publishes nothing for. */
    record Recalibrated(String workId, String siteId, Instant at, String note) {
    }

    @Test
    void aDomainEventWithoutAPublicTypeShowsItsClassNameAndPayload() {
        WorkHistory.Entry entry = HISTORY.entry(stored(7, new Recalibrated("w-1", "s-1", Instant.parse("2026-11-25T10:00:00Z"), null),
                Map.of("actor", "system:calibration")));
        assertThat(entry.type()).isEqualTo("Recalibrated");
        assertThat(entry.actor()).isEqualTo("system:calibration");
        assertThat(entry.data().get("workId").asText()).isEqualTo("w-1");
        assertThat(entry.data().get("at").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(entry.data().has("note")).as("nulls are left out, as in public events").isFalse();
    }
}
