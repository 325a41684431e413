package io.sitework.work.schedule.query;

import io.sitework.support.replay.MappedIndexes;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.replay.ReplayableProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedule list as a rebuildable read model: {@code POST /api/admin/replay/work-service/schedule-board}
 * fills {@code schedules_<n>} with the same {@link ScheduleProjection} handlers, then switches to it.
 */
@Component
public class ScheduleBoardReplay implements ReplayableProjection {

    /** Where the schedules lived before any rebuild. */
    public static final String INITIAL_COLLECTION = "schedules";

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;

    public ScheduleBoardReplay(MongoTemplate mongo, ReadModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** The collection every read and write of the schedule list uses now. */
    public String activeCollection() {
        return collections.active(ScheduleProjection.NAME, INITIAL_COLLECTION);
    }

    @Override
    public String processingGroup() {
        return ScheduleProjection.NAME;
    }

    @Override
    public String initialCollection() {
        return INITIAL_COLLECTION;
    }

    @Override
    public void prepare(String collection) {
        MappedIndexes.declare(mongo, ScheduleDocument.class, collection);
    }

    @Override
    public Object handlerWritingTo(String collection) {
        return new ScheduleProjection(new MongoScheduleStore(mongo, () -> collection));
    }
}
