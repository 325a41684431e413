package io.sitework.work.query;

import io.sitework.support.replay.ReadModelCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of the work board (its active collection, {@code work} until a rebuild), declared at start-up for the queries of
 * {@link WorkQueries}: every list and board filters on site first, then on status, due date or the
 * blocked flag; the person/asset/permit filters look up array or single fields. Creating an index
 * that exists is a no-op. (The in-process MongoDB stand-in of tests and the embedded default accepts
 * these declarations without building compound or single-field ones; real MongoDB builds them.)
 */
@Component
public class WorkIndexes {

    private static final Logger log = LoggerFactory.getLogger(WorkIndexes.class);

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;

    public WorkIndexes(MongoTemplate mongo, ReadModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** The declared indexes, by name. */
    public static List<Index> definitions() {
        return List.of(
                new Index().on("siteId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("site_status"),
                new Index().on("siteId", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("site_dueAt"),
                new Index().on("siteId", Sort.Direction.ASC).on("blocked", Sort.Direction.ASC).named("site_blocked"),
                // the default order of the list: newest request first within a site
                new Index().on("siteId", Sort.Direction.ASC).on("requestedAt", Sort.Direction.DESC).named("site_requestedAt"),
                new Index().on("assigneeIds", Sort.Direction.ASC).named("assigneeIds"),
                new Index().on("assetIds", Sort.Direction.ASC).named("assetIds"),
                new Index().on("permitIds", Sort.Direction.ASC).named("permitIds"),
                new Index().on("ownerId", Sort.Direction.ASC).named("ownerId"),
                // "waiting on me" on the blocked board: with ownerId and assigneeIds, every alternative of its $or is indexed
                new Index().on("blockers.raisedBy", Sort.Direction.ASC).named("blockers_raisedBy"));
    }

    /** Declares every index on the active collection of the board. */
    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        ensure(WorkBoardReplay.activeCollection(collections));
    }

    /** Declares every index on {@code collection}; a failure is logged, never fatal (queries still answer, only slower). */
    public void ensure(String collection) {
        IndexOperations indexes = mongo.indexOps(collection);
        for (Index index : definitions()) {
            try {
                indexes.createIndex(index);
            } catch (RuntimeException e) {
                log.error("Could not create index {} on the work board: {}", index.getIndexOptions().get("name"), e.getMessage());
            }
        }
    }
}
