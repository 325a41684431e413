package io.sitework.context.asset.command;

import java.util.List;

/**
 * The asset tree as set validation needs it, inside the command's transaction (the asset registry's
 * parent and decommissioned columns): where an asset hangs, what is above it, what is still in use
 * below it.
 */
public interface AssetHierarchy {

    /** Serialises changes to one site's tree until the transaction ends, so that two moves cannot make a cycle together. */
    void lock(String siteId);

    /** The ancestors of an asset, its parent first; empty for a top-level asset. */
    List<String> ancestorsOf(String assetId);

    void setParent(String assetId, String parentId);

    boolean isDecommissioned(String assetId);

    void markDecommissioned(String assetId);

    /** How many children of the asset are not decommissioned. */
    int activeChildren(String assetId);
}
