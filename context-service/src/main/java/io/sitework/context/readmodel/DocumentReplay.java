package io.sitework.context.readmodel;

import io.sitework.support.replay.MappedIndexes;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.replay.ReplayableProjection;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.function.Function;

/**
 * A read model of one document class behind a pointer, rebuildable beside the live one: the rebuild runs
 * the projection's own handlers (built by {@code projection} over a store of the new collection), and
 * declares the indexes the document class maps ({@code @Indexed}) plus any the read model adds.
 */
public abstract class DocumentReplay<D> implements ReplayableProjection {

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    private final String processingGroup;
    private final String initialCollection;
    private final Class<D> type;
    private final Function<DocumentStore<D>, Object> projection;

    protected DocumentReplay(MongoTemplate mongo, ReadModelCollections collections, String processingGroup, String initialCollection,
                             Class<D> type, Function<DocumentStore<D>, Object> projection) {
        this.mongo = mongo;
        this.collections = collections;
        this.processingGroup = processingGroup;
        this.initialCollection = initialCollection;
        this.type = type;
        this.projection = projection;
    }

    /** The collection every read and write of the read model uses now. */
    public String activeCollection() {
        return collections.active(processingGroup, initialCollection);
    }

    /** A store over whichever collection is active at each use: the live projection's. */
    public DocumentStore<D> liveStore() {
        return new MongoDocumentStore<>(mongo, type, this::activeCollection);
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }

    @Override
    public String initialCollection() {
        return initialCollection;
    }

    @Override
    public void prepare(String collection) {
        MappedIndexes.declare(mongo, type, collection);
        declareMore(collection);
    }

    /** Indexes the read model declares beside the mapped ones; none by default. */
    protected void declareMore(String collection) {
    }

    @Override
    public Object handlerWritingTo(String collection) {
        return projection.apply(new MongoDocumentStore<>(mongo, type, () -> collection));
    }
}
