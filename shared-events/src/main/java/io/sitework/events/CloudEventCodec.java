package io.sitework.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one serializer and deserializer of integration events, used by every producer and consumer:
 * CloudEvents 1.0 structured JSON. Readers are tolerant: unknown data fields are ignored and an
 * unknown type yields {@link UnknownEvent} rather than a failure.
 */
public final class CloudEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CloudEventCodec() {
    }

    /** The mapper the contract is written with, for consumers that need the same conventions. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(toJson(event));
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot serialize event " + event.id(), e);
        }
    }

    public static String toJsonString(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(toJson(event));
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot serialize event " + event.id(), e);
        }
    }

    public static ObjectNode toJson(CloudEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("subject", event.subject());
        node.put("time", event.time().toString());
        node.put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
        node.put("siteid", event.siteid());
        node.put("sequence", event.sequence());
        if (event.correlationid() != null) {
            node.put("correlationid", event.correlationid());
        }
        if (event.actor() != null) {
            node.put("actor", event.actor());
        }
        JsonNode data = event.data() instanceof UnknownEvent unknown ? unknown.raw() : MAPPER.valueToTree(event.data());
        node.set("data", data);
        return node;
    }

    public static CloudEvent fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new EventFormatException("empty event");
        }
        try {
            return fromJson(MAPPER.readTree(bytes));
        } catch (IOException e) {
            throw new EventFormatException("event is not JSON: " + e.getMessage(), e);
        }
    }

    public static CloudEvent fromJson(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new EventFormatException("event is not JSON: " + e.getMessage(), e);
        }
    }

    public static CloudEvent fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new EventFormatException("event must be a JSON object");
        }
        String specVersion = text(node, "specversion", true);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new EventFormatException("unsupported specversion " + specVersion);
        }
        String type = text(node, "type", true);
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new EventFormatException("event " + text(node, "id", false) + " has no data object");
        }
        IntegrationEvent payload;
        try {
            payload = EventCatalog.find(type)
                    .<IntegrationEvent>map(t -> convert(data, t.dataClass()))
                    .orElseGet(() -> new UnknownEvent(text(node, "subject", true), text(node, "siteid", true), data));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("data of " + type + " is malformed: " + e.getMessage(), e);
        }
        JsonNode sequence = node.get("sequence");
        if (sequence == null || !sequence.canConvertToLong()) {
            throw new EventFormatException("sequence is required and must be an integer");
        }
        try {
            return new CloudEvent(
                    text(node, "id", true),
                    text(node, "source", true),
                    type,
                    text(node, "subject", true),
                    Instant.parse(text(node, "time", true)),
                    text(node, "siteid", true),
                    sequence.asLong(),
                    text(node, "correlationid", false),
                    text(node, "actor", false),
                    payload);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new EventFormatException("invalid event: " + e.getMessage(), e);
        }
    }

    private static <T> T convert(JsonNode data, Class<T> type) {
        return MAPPER.convertValue(data, type);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new EventFormatException("attribute '" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new EventFormatException("attribute '" + field + "' must be a string");
        }
        return value.asText();
    }
}
