package io.sitework.context.readmodel;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import io.sitework.support.axon.CommandMetadata;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A document store in a map, for projection tests; counts saves. */
public final class MapDocumentStore<D> implements DocumentStore<D> {

    public final Map<String, D> saved = new HashMap<>();
    public int saves;
    private final Function<D, String> id;

    public MapDocumentStore(Function<D, String> id) {
        this.id = id;
    }

    /** A stored event as a processor delivers it. */
    public static GenericDomainEventMessage<Object> stored(String aggregateId, long sequence, Object payload, String actor, Instant at) {
        return new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload, MetaData.with(CommandMetadata.ACTOR, actor),
                "e-" + aggregateId + "-" + sequence, at);
    }

    @Override
    public Optional<D> find(String key) {
        return Optional.ofNullable(saved.get(key));
    }

    @Override
    public void save(D document) {
        saves++;
        saved.put(id.apply(document), document);
    }

    @Override
    public void clear() {
        saved.clear();
    }
}
