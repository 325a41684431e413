package io.sitework.support.axon;

import org.axonframework.eventhandling.EventMessage;

import java.time.Instant;

/** What a fold needs to know about a stored event besides its payload: its place, time and cause. */
public record EventContext(long sequence, Instant recordedAt, String actor, String correlationId) {

    public static EventContext of(EventMessage<?> message, long sequence) {
        return new EventContext(sequence, message.getTimestamp(),
                CommandMetadata.actor(message.getMetaData()), CommandMetadata.correlationId(message.getMetaData()));
    }
}
