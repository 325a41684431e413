package io.sitework.context.asset.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class MongoAssetTreeStore implements AssetTreeStore {

    private final MongoTemplate mongo;

    MongoAssetTreeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<AssetDocument> find(String assetId) {
        return Optional.ofNullable(mongo.findById(assetId, AssetDocument.class));
    }

    @Override
    public void save(AssetDocument document) {
        mongo.save(document);
    }

    @Override
    public void clear() {
        mongo.dropCollection(AssetDocument.class);
    }
}
