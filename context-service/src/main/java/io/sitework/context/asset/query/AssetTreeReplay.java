package io.sitework.context.asset.query;

import io.sitework.context.readmodel.DocumentReplay;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The asset tree as a rebuildable read model: {@code POST /api/admin/replay/context-service/asset-tree}
 * fills {@code assets_<n>} with the same {@link AssetTreeProjection} handlers, then switches to it.
 */
@Component
public class AssetTreeReplay extends DocumentReplay<AssetDocument> {

    public static final String INITIAL_COLLECTION = "assets";

    public AssetTreeReplay(MongoTemplate mongo, ReadModelCollections collections) {
        super(mongo, collections, AssetTreeProjection.NAME, INITIAL_COLLECTION, AssetDocument.class,
                AssetTreeProjection::new);
    }
}
