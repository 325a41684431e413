package io.sitework.context.permit.query;

import io.sitework.context.readmodel.DocumentReplay;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The permits read model as a rebuildable one: {@code POST /api/admin/replay/context-service/permits}
 * fills {@code permits_<n>} with the same {@link PermitProjection} handlers and {@link PermitIndexes}, then
 * switches to it.
 */
@Component
public class PermitsReplay extends DocumentReplay<PermitDocument> {

    public static final String INITIAL_COLLECTION = "permits";

    private final PermitIndexes indexes;

    public PermitsReplay(MongoTemplate mongo, ReadModelCollections collections, PermitIndexes indexes) {
        super(mongo, collections, PermitProjection.NAME, INITIAL_COLLECTION, PermitDocument.class, PermitProjection::new);
        this.indexes = indexes;
    }

    @Override
    protected void declareMore(String collection) {
        indexes.ensure(collection);
    }
}
