package io.sitework.work.schedule.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class MongoScheduleStore implements ScheduleStore {

    private final MongoTemplate mongo;

    MongoScheduleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<ScheduleDocument> find(String scheduleId) {
        return Optional.ofNullable(mongo.findById(scheduleId, ScheduleDocument.class));
    }

    @Override
    public void save(ScheduleDocument document) {
        mongo.save(document);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), ScheduleDocument.class);
    }
}
