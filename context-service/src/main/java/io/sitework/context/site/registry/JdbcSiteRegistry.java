package io.sitework.context.site.registry;

import io.sitework.context.site.command.SiteRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The site registry in PostgreSQL, joining the command's transaction (see JdbcTagRegistry). */
@Component
class JdbcSiteRegistry implements SiteRegistry {

    private final JdbcTemplate jdbc;

    JdbcSiteRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Reservation reserve(String siteId, String code) {
        int inserted = jdbc.update("INSERT INTO site_registry (site_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING", siteId, code);
        if (inserted == 1) {
            return Reservation.RESERVED;
        }
        return exists(siteId) ? Reservation.ID_TAKEN : Reservation.CODE_TAKEN;
    }

    @Override
    public boolean exists(String siteId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM site_registry WHERE site_id = ?)", Boolean.class, siteId));
    }
}
