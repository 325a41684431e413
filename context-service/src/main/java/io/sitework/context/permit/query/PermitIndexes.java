package io.sitework.context.permit.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes of the permits read model (its active collection, or one a rebuild fills), declared at start-up for the
 * queries of {@link PermitQueries}: lists filter on site then status; the work and asset filters (and
 * "what is active on this asset") look up array fields. Creating an index that exists is a no-op.
 */
@Component
public class PermitIndexes {

    private static final Logger log = LoggerFactory.getLogger(PermitIndexes.class);

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;

    public PermitIndexes(MongoTemplate mongo, ReadModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    public static List<Index> definitions() {
        return List.of(
                new Index().on("siteId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("site_status"),
                new Index().on("siteId", Sort.Direction.ASC).on("requestedAt", Sort.Direction.DESC).named("site_requestedAt"),
                new Index().on("workIds", Sort.Direction.ASC).named("workIds"),
                new Index().on("assetIds", Sort.Direction.ASC).named("assetIds"),
                new Index().on("isolations.assetId", Sort.Direction.ASC).named("isolationAssetIds"));
    }

    /** Declares every index; a failure is logged, never fatal (queries still answer, only slower). */
    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        ensure(collections.active(PermitProjection.NAME, PermitsReplay.INITIAL_COLLECTION));
    }

    /** Declares every index on the collection (new or live). */
    public void ensure(String collection) {
        IndexOperations indexes = mongo.indexOps(collection);
        for (Index index : definitions()) {
            try {
                indexes.createIndex(index);
            } catch (RuntimeException e) {
                log.error("Could not create index {} on the permits: {}", index.getIndexOptions().get("name"), e.getMessage());
            }
        }
    }
}
