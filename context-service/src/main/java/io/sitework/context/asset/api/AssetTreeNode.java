package io.sitework.context.asset.api;

import java.util.List;

/** An asset with everything below it, nested: the answer of a subtree read. */
public record AssetTreeNode(
        String id,
        String parentId,
        String tag,
        String name,
        String assetClass,
        Criticality criticality,
        AssetStatus status,
        List<AssetTreeNode> children) {
}
