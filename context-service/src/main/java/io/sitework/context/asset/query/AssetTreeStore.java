package io.sitework.context.asset.query;

import io.sitework.context.readmodel.DocumentStore;

/** Where the asset tree keeps its documents; MongoDB in production, a map in projection tests. */
public interface AssetTreeStore extends DocumentStore<AssetDocument> {
}
