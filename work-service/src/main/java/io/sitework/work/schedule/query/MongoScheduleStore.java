package io.sitework.work.schedule.query;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/** The schedule list in the collection its pointer names ({@code schedules} until a rebuild), or in a given one. */
@Component
class MongoScheduleStore implements ScheduleStore {

    private final MongoTemplate mongo;
    private final Supplier<String> collection;

    @Autowired
    MongoScheduleStore(MongoTemplate mongo, ScheduleBoardReplay readModel) {
        this(mongo, readModel::activeCollection);
    }

    MongoScheduleStore(MongoTemplate mongo, Supplier<String> collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    @Override
    public Optional<ScheduleDocument> find(String scheduleId) {
        return Optional.ofNullable(mongo.findById(scheduleId, ScheduleDocument.class, collection.get()));
    }

    @Override
    public void save(ScheduleDocument document) {
        mongo.save(document, collection.get());
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), ScheduleDocument.class, collection.get());
    }
}
