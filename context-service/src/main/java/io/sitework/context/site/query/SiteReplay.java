package io.sitework.context.site.query;

import io.sitework.context.readmodel.MongoDocumentStore;
import io.sitework.support.replay.MappedIndexes;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.replay.ReplayableProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The site directory as a rebuildable read model: {@code POST /api/admin/replay/context-service/sites}
 * fills {@code sites_<n>} with the same {@link SiteProjection} handlers, then switches to it.
 */
@Component
public class SiteReplay implements ReplayableProjection {

    public static final String INITIAL_COLLECTION = "sites";

    private final MongoTemplate mongo;

    public SiteReplay(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The collection every read and write of the directory uses now. */
    public static String activeCollection(ReadModelCollections collections) {
        return collections.active(SiteProjection.NAME, INITIAL_COLLECTION);
    }

    @Override
    public String processingGroup() {
        return SiteProjection.NAME;
    }

    @Override
    public String initialCollection() {
        return INITIAL_COLLECTION;
    }

    @Override
    public void prepare(String collection) {
        MappedIndexes.declare(mongo, SiteDocument.class, collection);
    }

    @Override
    public Object handlerWritingTo(String collection) {
        return new SiteProjection(new MongoDocumentStore<>(mongo, SiteDocument.class, () -> collection));
    }
}
