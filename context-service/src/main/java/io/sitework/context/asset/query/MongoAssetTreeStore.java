package io.sitework.context.asset.query;

import io.sitework.context.readmodel.MongoDocumentStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
class MongoAssetTreeStore extends MongoDocumentStore<AssetDocument> implements AssetTreeStore {

    MongoAssetTreeStore(MongoTemplate mongo) {
        super(mongo, AssetDocument.class);
    }
}
