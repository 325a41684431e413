package io.sitework.context.readmodel;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link DocumentStore} over one MongoDB collection: the one the document class is mapped to, or one
 * named at each use (a read model behind a pointer, see {@code ReadModelCollections}).
 */
public class MongoDocumentStore<D> implements DocumentStore<D> {

    private final MongoTemplate mongo;
    private final Class<D> type;
    private final Supplier<String> collection;

    public MongoDocumentStore(MongoTemplate mongo, Class<D> type) {
        this(mongo, type, () -> mongo.getCollectionName(type));
    }

    public MongoDocumentStore(MongoTemplate mongo, Class<D> type, Supplier<String> collection) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
    }

    @Override
    public Optional<D> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection.get()));
    }

    @Override
    public void save(D document) {
        mongo.save(document, collection.get());
    }

    @Override
    public void clear() {
        mongo.dropCollection(collection.get());
    }
}
