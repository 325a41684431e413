package io.sitework.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.context.AssetRegistered;
import io.sitework.events.work.WorkRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden files are the published examples of the contract. Each registered type has one, and
 * reading then writing it gives back exactly the same JSON: a renamed, removed or retyped field fails here.
 */
class GoldenFilesTest {

    static Stream<String> registeredTypes() {
        return EventCatalog.all().stream().map(EventType::type);
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void everyRegisteredTypeRoundTripsThroughItsGoldenFile(String type) throws IOException {
        JsonNode golden = golden(type);

        CloudEvent event = CloudEventCodec.fromJson(golden);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.data()).isInstanceOf(EventCatalog.find(type).orElseThrow().dataClass());
        assertThat(CloudEventCodec.mapper().readTree(CloudEventCodec.toBytes(event))).isEqualTo(golden);
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void goldenEnvelopeIsConsistentWithItsData(String type) throws IOException {
        CloudEvent event = CloudEventCodec.fromJson(golden(type));
        EventType<?> eventType = EventCatalog.find(type).orElseThrow();

        assertThat(event.subject()).isEqualTo(event.data().aggregateId());
        assertThat(event.siteid()).isEqualTo(event.data().siteId());
        assertThat(event.source()).isEqualTo(eventType.sourceFor(event.siteid(), event.subject()));
    }

    @Test
    void anEventBuiltInJavaMatchesTheGoldenFile() throws IOException {
        WorkRequested data = new WorkRequested(
                "0b6e7c4d-2f1a-4b8e-9c3d-5e6f7a8b9c0d",
                "6a1f8d3e-0c3b-4e0a-9d6b-2b5c7f1e9a10",
                "MAINTENANCE_CORRECTIVE",
                "Replace mechanical seal on P-101",
                "Seal leaking since night shift; pump on standby",
                "HIGH",
                "u-tech-bruno",
                "u-planner-anna",
                Instant.parse("2026-11-26T16:00:00Z"),
                List.of("3d2c1b0a-9f8e-4d7c-b6a5-443322110099"),
                List.of("HOT_WORK"),
                List.of("1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5"),
                "9c8b7a65-4321-4fed-8cba-987654321000",
                null,
                Instant.parse("2026-11-26T06:00:00Z"),
                Instant.parse("2026-11-26T10:00:00Z"));
        CloudEvent event = CloudEvent.of(EventCatalog.WORK_REQUESTED, "6f1c2a9e-3b7d-4c1e-9a55-0d2f7e8b1c01",
                Instant.parse("2026-11-25T07:30:00.125Z"), 0, "c0ffee00-1234-4abc-8def-000000000001", "u-planner-anna", data);

        assertThat(CloudEventCodec.mapper().readTree(CloudEventCodec.toBytes(event)))
                .isEqualTo(golden("io.sitework.work.requested.v1"));
    }

    @Test
    void absentOptionalExtensionsAreOmittedNotNull() throws IOException {
        CloudEvent event = CloudEventCodec.fromJson(golden("io.sitework.asset.registered.v1"));

        assertThat(event.correlationid()).isNull();
        assertThat(CloudEventCodec.toJson(event).has("correlationid")).isFalse();
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED)).isInstanceOf(AssetRegistered.class);
    }

    static JsonNode golden(String type) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(in).as("golden file for " + type).isNotNull();
            return CloudEventCodec.mapper().readTree(in);
        }
    }
}
