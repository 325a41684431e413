package io.sitework.context.asset.query;

import java.util.Optional;

/** Where the asset tree keeps its documents; MongoDB in production, a map in projection tests. */
public interface AssetTreeStore {

    Optional<AssetDocument> find(String assetId);

    void save(AssetDocument document);

    void clear();
}
