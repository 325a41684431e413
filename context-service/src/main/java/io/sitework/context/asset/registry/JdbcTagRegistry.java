package io.sitework.context.asset.registry;

import io.sitework.context.asset.command.TagRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * The tag registry in PostgreSQL. It joins the command's transaction (Axon's unit of work runs in a
 * Spring transaction on the same DataSource), so a reservation lives or dies with the events.
 */
@Component
class JdbcTagRegistry implements TagRegistry {

    private final JdbcTemplate jdbc;

    JdbcTagRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean reserve(String siteId, String tag, String assetId) {
        int inserted = jdbc.update("INSERT INTO asset_registry (asset_id, site_id, tag_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                assetId, siteId, tag.toUpperCase(Locale.ROOT));
        return inserted == 1;
    }

    @Override
    public Optional<String> siteOf(String assetId) {
        return jdbc.queryForList("SELECT site_id FROM asset_registry WHERE asset_id = ?", String.class, assetId).stream().findFirst();
    }
}
