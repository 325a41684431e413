package io.sitework.context.asset;

import io.sitework.context.asset.command.AssetHierarchy;
import io.sitework.context.asset.command.TagRegistry;
import io.sitework.context.site.command.SiteRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registries' contracts in memory, for fixture tests: sites, tags per site, the asset tree. */
public final class InMemoryAssetRegistry implements TagRegistry, AssetHierarchy, SiteRegistry {

    final Map<String, String> tagOwner = new HashMap<>();
    final Map<String, String> siteOfAsset = new HashMap<>();
    final Map<String, String> parentOf = new HashMap<>();
    final Set<String> decommissioned = new HashSet<>();
    final Map<String, String> siteCodes = new HashMap<>();
    final List<String> locks = new ArrayList<>();

    /** An asset already registered (as the PostgreSQL registry would hold it). */
    public InMemoryAssetRegistry asset(String siteId, String assetId, String tag, String parentId) {
        site(siteId);
        reserve(siteId, tag, assetId);
        setParent(assetId, parentId);
        return this;
    }

    public InMemoryAssetRegistry site(String siteId) {
        siteCodes.putIfAbsent(siteId, "S-" + siteCodes.size());
        return this;
    }

    @Override
    public boolean reserve(String siteId, String tag, String assetId) {
        if (tagOwner.putIfAbsent(siteId + "/" + tag.toUpperCase(Locale.ROOT), assetId) != null) {
            return false;
        }
        siteOfAsset.put(assetId, siteId);
        return true;
    }

    @Override
    public Optional<String> siteOf(String assetId) {
        return Optional.ofNullable(siteOfAsset.get(assetId));
    }

    @Override
    public void lock(String siteId) {
        locks.add(siteId);
    }

    @Override
    public List<String> ancestorsOf(String assetId) {
        List<String> ancestors = new ArrayList<>();
        for (String p = parentOf.get(assetId); p != null && !ancestors.contains(p); p = parentOf.get(p)) {
            ancestors.add(p);
        }
        return ancestors;
    }

    @Override
    public void setParent(String assetId, String parentId) {
        if (parentId == null) {
            parentOf.remove(assetId);
        } else {
            parentOf.put(assetId, parentId);
        }
    }

    @Override
    public boolean isDecommissioned(String assetId) {
        return decommissioned.contains(assetId);
    }

    @Override
    public void markDecommissioned(String assetId) {
        decommissioned.add(assetId);
    }

    @Override
    public int activeChildren(String assetId) {
        return (int) parentOf.entrySet().stream().filter(e -> e.getValue().equals(assetId) && !decommissioned.contains(e.getKey())).count();
    }

    @Override
    public Reservation reserve(String siteId, String code) {
        if (siteCodes.containsKey(siteId)) {
            return Reservation.ID_TAKEN;
        }
        if (siteCodes.containsValue(code)) {
            return Reservation.CODE_TAKEN;
        }
        siteCodes.put(siteId, code);
        return Reservation.RESERVED;
    }

    @Override
    public boolean exists(String siteId) {
        return siteCodes.containsKey(siteId);
    }
}
