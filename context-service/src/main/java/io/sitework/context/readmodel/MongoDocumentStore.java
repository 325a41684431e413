package io.sitework.context.readmodel;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Optional;

/** A {@link DocumentStore} over one MongoDB collection, the one the document class is mapped to. */
public class MongoDocumentStore<D> implements DocumentStore<D> {

    private final MongoTemplate mongo;
    private final Class<D> type;

    public MongoDocumentStore(MongoTemplate mongo, Class<D> type) {
        this.mongo = mongo;
        this.type = type;
    }

    @Override
    public Optional<D> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type));
    }

    @Override
    public void save(D document) {
        mongo.save(document);
    }

    @Override
    public void clear() {
        mongo.dropCollection(type);
    }
}
