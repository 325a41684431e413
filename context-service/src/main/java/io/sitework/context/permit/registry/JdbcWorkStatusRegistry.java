package io.sitework.context.permit.registry;

import io.sitework.context.permit.api.WorkStatus;
import io.sitework.context.permit.command.LinkedWorkRegistry;
import io.sitework.context.permit.process.WorkStatusStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tables {@code work_status} and {@code permit_work} (V30), used inside the caller's transaction: the
 * permit request's (Axon's unit of work) or the status update's. Both take a transaction-scoped
 * advisory lock per work item first, so a request that reads "status unknown" and an update that
 * reads "no permit yet" cannot pass each other: one of the two sees the other's write.
 */
@Component
class JdbcWorkStatusRegistry implements LinkedWorkRegistry, WorkStatusStore {

    private final JdbcTemplate jdbc;

    JdbcWorkStatusRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KnownWork> link(String permitId, List<String> workIds) {
        List<String> ordered = workIds.stream().distinct().sorted().toList(); // one lock order: no deadlock between requests
        List<KnownWork> known = new ArrayList<>();
        for (String workId : ordered) {
            lock(workId);
            jdbc.update("INSERT INTO permit_work (permit_id, work_id) VALUES (?, ?) ON CONFLICT DO NOTHING", permitId, workId);
            known.addAll(jdbc.query("SELECT work_id, site_id, status, sequence FROM work_status WHERE work_id = ?",
                    (rs, n) -> new KnownWork(rs.getString("work_id"), rs.getString("site_id"), WorkStatus.valueOf(rs.getString("status")),
                            rs.getLong("sequence")), workId));
        }
        return known;
    }

    @Override
    public Optional<List<String>> record(String workId, String siteId, WorkStatus status, long sequence) {
        lock(workId);
        int recorded = jdbc.update("""
                INSERT INTO work_status (work_id, site_id, status, sequence) VALUES (?, ?, ?, ?)
                ON CONFLICT (work_id) DO UPDATE SET site_id = EXCLUDED.site_id, status = EXCLUDED.status, sequence = EXCLUDED.sequence
                WHERE work_status.sequence < EXCLUDED.sequence""", workId, siteId, status.name(), sequence);
        if (recorded == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForList("SELECT permit_id FROM permit_work WHERE work_id = ? ORDER BY permit_id", String.class, workId));
    }

    private void lock(String workId) {
        jdbc.query("SELECT pg_advisory_xact_lock(30, hashtext(?))", rs -> null, workId);
    }
}
