package io.sitework.events;

/**
 * The data of an integration event: a public, versioned contract. Every implementation is a
 * record registered in {@link EventCatalog} under a CloudEvents {@code type} ending in a version.
 * Changes are additive only; a breaking change is a new type ending in the next version.
 */
public interface IntegrationEvent {

    /** The aggregate the event is about; also the Kafka record key. */
    String aggregateId();

    /** The site the aggregate belongs to. */
    String siteId();
}
