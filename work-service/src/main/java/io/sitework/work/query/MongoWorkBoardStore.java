package io.sitework.work.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class MongoWorkBoardStore implements WorkBoardStore {

    private final MongoTemplate mongo;

    MongoWorkBoardStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<WorkDocument> find(String workId) {
        return Optional.ofNullable(mongo.findById(workId, WorkDocument.class));
    }

    @Override
    public void save(WorkDocument document) {
        mongo.save(document);
    }

    @Override
    public void clear() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), WorkDocument.class);
    }
}
