package io.sitework.context.contractor.query;

import io.sitework.context.readmodel.DocumentReplay;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The contractor directory as a rebuildable read model: {@code POST /api/admin/replay/context-service/contractors}
 * fills {@code contractors_<n>} with the same {@link ContractorProjection} handlers, then switches to it.
 */
@Component
public class ContractorsReplay extends DocumentReplay<ContractorDocument> {

    public static final String INITIAL_COLLECTION = "contractors";

    public ContractorsReplay(MongoTemplate mongo, ReadModelCollections collections) {
        super(mongo, collections, ContractorProjection.NAME, INITIAL_COLLECTION, ContractorDocument.class, ContractorProjection::new);
    }
}
