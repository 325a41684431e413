package io.sitework.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.events.kafka.CloudEventSerializer;
import io.sitework.events.work.WorkStarted;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final CloudEvent started = CloudEvent.of(EventCatalog.WORK_STARTED, "e-1", Instant.parse("2026-11-25T09:00:00Z"),
            1, "corr-1", "u-1", new WorkStarted("w-1", "s-1", "u-1"));

    @Test
    void kafkaSerializerAndDeserializerRoundTrip() {
        byte[] bytes = new CloudEventSerializer().serialize("t", started);

        assertThat(new CloudEventDeserializer().deserialize("t", bytes)).isEqualTo(started);
    }

    @Test
    void sourceAndSubjectComeFromThePayload() {
        assertThat(started.source()).isEqualTo("/sites/s-1/work/w-1");
        assertThat(started.subject()).isEqualTo("w-1");
        assertThat(started.siteid()).isEqualTo("s-1");
    }

    @Test
    void unknownTypeIsKeptAsRawJsonAndWrittenBackUnchanged() {
        ObjectNode json = CloudEventCodec.toJson(started);
        json.put("type", "io.sitework.work.teleported.v3");
        ((ObjectNode) json.get("data")).put("destination", "moon");

        CloudEvent event = CloudEventCodec.fromJson(json);

        assertThat(event.data()).isInstanceOf(UnknownEvent.class);
        assertThat(event.data().aggregateId()).isEqualTo("w-1");
        assertThat(CloudEventCodec.toJson(event)).isEqualTo(json);
    }

    @Test
    void unknownDataFieldsAreIgnoredByTolerantReaders() {
        ObjectNode json = CloudEventCodec.toJson(started);
        ((ObjectNode) json.get("data")).put("addedInALaterMinorVersion", true);

        assertThat(CloudEventCodec.fromJson(json)).isEqualTo(started);
    }

    @Test
    void malformedRecordsAreRefusedWithAReason() {
        CloudEventDeserializer deserializer = new CloudEventDeserializer();

        assertThatThrownBy(() -> deserializer.deserialize("t", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"specversion\":\"0.3\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("specversion");
        ObjectNode noId = CloudEventCodec.toJson(started);
        noId.remove("id");
        assertThatThrownBy(() -> CloudEventCodec.fromJson(noId)).isInstanceOf(EventFormatException.class).hasMessageContaining("'id'");
        ObjectNode badTime = CloudEventCodec.toJson(started);
        badTime.put("time", "yesterday");
        assertThatThrownBy(() -> CloudEventCodec.fromJson(badTime)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void eventTypesMustCarryAVersion() {
        assertThatThrownBy(() -> new EventType<>("io.sitework.work.started", WorkStarted.class, Topics.WORK, "work"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataAsRefusesTheWrongType() {
        assertThatThrownBy(() -> started.dataAs(EventCatalog.WORK_COMPLETED)).isInstanceOf(IllegalStateException.class);
        assertThat(started.dataAs(EventCatalog.WORK_STARTED).startedBy()).isEqualTo("u-1");
    }
}
