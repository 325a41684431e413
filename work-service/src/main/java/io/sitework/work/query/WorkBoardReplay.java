package io.sitework.work.query;

import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.replay.ReplayableProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The work board as a rebuildable read model: {@code POST /api/admin/replay/work-service/work-board}
 * fills {@code work_<n>} with the same {@link WorkBoardProjection} handlers, then switches to it.
 */
@Component
public class WorkBoardReplay implements ReplayableProjection {

    /** Where the board lived before any rebuild (and still lives in an installation never rebuilt). */
    public static final String INITIAL_COLLECTION = "work";

    /** Changed documents written in one bulk. */
    static final int WRITE_BATCH = 500;
    /** Documents a rebuild keeps in memory (the most recently used), so that later events of a work item need no read. */
    static final int CACHED_DOCUMENTS = 20_000;

    private final MongoTemplate mongo;
    private final WorkIndexes indexes;

    public WorkBoardReplay(MongoTemplate mongo, WorkIndexes indexes) {
        this.mongo = mongo;
        this.indexes = indexes;
    }

    /** The collection every read and write of the board uses now. */
    public static String activeCollection(ReadModelCollections collections) {
        return collections.active(WorkBoardProjection.NAME, INITIAL_COLLECTION);
    }

    @Override
    public String processingGroup() {
        return WorkBoardProjection.NAME;
    }

    @Override
    public String initialCollection() {
        return INITIAL_COLLECTION;
    }

    @Override
    public void prepare(String collection) {
        indexes.ensure(collection);
    }

    @Override
    public Object handlerWritingTo(String collection) {
        // written behind: each work item's events folded in memory, written in bulk (flushed by the rebuild)
        return new WorkBoardProjection(new BufferedWorkBoardStore(mongo, collection, WRITE_BATCH, CACHED_DOCUMENTS));
    }
}
