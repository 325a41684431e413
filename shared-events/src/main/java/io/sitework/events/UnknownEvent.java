package io.sitework.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data of an event whose type this version of the contract does not know (a newer producer).
 * Tolerant readers keep the raw JSON and skip it; forwarding consumers (webhooks) pass it on as is.
 */
public record UnknownEvent(String aggregateId, String siteId, JsonNode raw) implements IntegrationEvent {
}
