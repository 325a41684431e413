package io.sitework.context.permit.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class MongoPermitStore implements PermitStore {

    private final MongoTemplate mongo;

    MongoPermitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<PermitDocument> find(String permitId) {
        return Optional.ofNullable(mongo.findById(permitId, PermitDocument.class));
    }

    @Override
    public void save(PermitDocument document) {
        mongo.save(document);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), PermitDocument.class);
    }
}
