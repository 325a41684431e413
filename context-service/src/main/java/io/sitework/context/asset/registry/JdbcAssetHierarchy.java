package io.sitework.context.asset.registry;

import io.sitework.context.asset.command.AssetHierarchy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The asset tree in the asset registry's table, in the command's transaction (see {@link JdbcTagRegistry}). */
@Component
class JdbcAssetHierarchy implements AssetHierarchy {

    private final JdbcTemplate jdbc;

    JdbcAssetHierarchy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String siteId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "asset-tree:" + siteId);
    }

    @Override
    public List<String> ancestorsOf(String assetId) {
        // depth-limited, so that a cycle (which the rules never let in) could not make it loop
        return jdbc.queryForList("""
                WITH RECURSIVE up (asset_id, parent_id, depth) AS (
                    SELECT asset_id, parent_id, 0 FROM asset_registry WHERE asset_id = ?
                    UNION ALL
                    SELECT r.asset_id, r.parent_id, up.depth + 1 FROM asset_registry r JOIN up ON r.asset_id = up.parent_id
                    WHERE up.depth < 10000
                )
                SELECT asset_id FROM up WHERE depth > 0 ORDER BY depth""", String.class, assetId);
    }

    @Override
    public void setParent(String assetId, String parentId) {
        jdbc.update("UPDATE asset_registry SET parent_id = ? WHERE asset_id = ?", parentId, assetId);
    }

    @Override
    public boolean isDecommissioned(String assetId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM asset_registry WHERE asset_id = ? AND decommissioned)", Boolean.class, assetId));
    }

    @Override
    public void markDecommissioned(String assetId) {
        jdbc.update("UPDATE asset_registry SET decommissioned = TRUE WHERE asset_id = ?", assetId);
    }

    @Override
    public int activeChildren(String assetId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM asset_registry WHERE parent_id = ? AND NOT decommissioned",
                Integer.class, assetId);
        return count == null ? 0 : count;
    }
}
