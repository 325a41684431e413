package io.sitework.work.query;

import io.sitework.support.replay.ReadModelCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The work board in MongoDB. The live store writes wherever the read model's pointer says (see
 * {@link WorkBoardReplay}); a rebuild gets a store bound to the collection it fills.
 */
@Component
class MongoWorkBoardStore implements WorkBoardStore {

    private final MongoTemplate mongo;
    private final Supplier<String> collection;

    @Autowired
    MongoWorkBoardStore(MongoTemplate mongo, ReadModelCollections collections) {
        this(mongo, () -> WorkBoardReplay.activeCollection(collections));
    }

    MongoWorkBoardStore(MongoTemplate mongo, Supplier<String> collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    @Override
    public Optional<WorkDocument> find(String workId) {
        return Optional.ofNullable(mongo.findById(workId, WorkDocument.class, collection.get()));
    }

    @Override
    public void save(WorkDocument document) {
        mongo.save(document, collection.get());
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), WorkDocument.class, collection.get());
    }
}
