package io.sitework.context.site.query;

import io.sitework.context.readmodel.DocumentReplay;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The site directory as a rebuildable read model: {@code POST /api/admin/replay/context-service/sites}
 * fills {@code sites_<n>} with the same {@link SiteProjection} handlers, then switches to it.
 */
@Component
public class SiteReplay extends DocumentReplay<SiteDocument> {

    public static final String INITIAL_COLLECTION = "sites";

    public SiteReplay(MongoTemplate mongo, ReadModelCollections collections) {
        super(mongo, collections, SiteProjection.NAME, INITIAL_COLLECTION, SiteDocument.class, SiteProjection::new);
    }
}
