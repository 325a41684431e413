package io.sitework.work.context;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.WorkCommands.RaiseBlocker;
import io.sitework.work.api.WorkCommands.ResolveBlocker;
import io.sitework.work.command.Blockers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * work-service's own view of contractors and their qualifications (fed from {@code sitework.context.v1}),
 * and the rule it serves: open work done by a contractor that lacks a qualification the work needs
 * carries an automatic CONTRACTOR blocker, resolved when the qualification holds again. Both ways in —
 * a qualification lapsing, and work given to a contractor — take the same per-contractor lock, so
 * neither can miss the other. Every step is idempotent (stable blocker ids), so a redelivered record
 * or a replayed event changes nothing twice.
 */
@Component
public class ContractorQualifications {

    /** The key of a qualification the contractor never held (not a lapse event). */
    static final String NEVER_HELD = "never-held";
    static final String COMPONENT = "contractor-qualifications";

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    public ContractorQualifications(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** Serialises everything about one contractor until the surrounding transaction ends. */
    public void lock(String contractorId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "contractor/" + contractorId);
    }

    public void registered(String contractorId, String siteId) {
        jdbc.update("INSERT INTO known_contractor (contractor_id, site_id) VALUES (?, ?) ON CONFLICT DO NOTHING", contractorId, siteId);
    }

    /** Call under {@link #lock}. */
    public void granted(String contractorId, String siteId, String qualification, Instant validUntil, String correlationId) {
        registered(contractorId, siteId);
        Optional<String> lapseKey = lapseKey(contractorId, qualification);
        jdbc.update("""
                INSERT INTO contractor_qualification (contractor_id, qualification, site_id, valid_until, lapsed, lapse_event_id)
                VALUES (?, ?, ?, ?, FALSE, NULL)
                ON CONFLICT (contractor_id, qualification) DO UPDATE SET valid_until = EXCLUDED.valid_until, lapsed = FALSE, lapse_event_id = NULL
                """, contractorId, qualification, siteId, validUntil == null ? null : Timestamp.from(validUntil));
        lapseKey.ifPresent(key -> workNeeding(contractorId, qualification).forEach(workId ->
                commands.sendAndWait(new ResolveBlocker(workId, Blockers.contractorBlockerId(workId, contractorId, qualification, key),
                                "Contractor " + contractorId + " holds " + qualification + " again", true),
                        CommandMetadata.system(COMPONENT, correlationId))));
    }

    /** Call under {@link #lock}. The first lapse event of an episode names it; a repeat changes nothing. */
    public void lapsed(String contractorId, String siteId, String qualification, String reason, String lapseEventId, String correlationId) {
        registered(contractorId, siteId);
        if (lapseKey(contractorId, qualification).isPresent()) {
            return;
        }
        jdbc.update("""
                INSERT INTO contractor_qualification (contractor_id, qualification, site_id, valid_until, lapsed, lapse_event_id)
                VALUES (?, ?, ?, NULL, TRUE, ?)
                ON CONFLICT (contractor_id, qualification) DO UPDATE SET lapsed = TRUE, lapse_event_id = EXCLUDED.lapse_event_id
                """, contractorId, qualification, siteId, lapseEventId);
        String why = "Contractor " + contractorId + " no longer holds " + qualification + " (" + (reason == null ? "lapsed" : reason) + ")";
        workNeeding(contractorId, qualification).forEach(workId -> block(workId, contractorId, qualification, lapseEventId, why, correlationId));
    }

    /**
     * Work now done by this contractor and needing these qualifications: blocked for each one the
     * contractor does not hold. A contractor work-service has never heard of is not judged. Call under {@link #lock}.
     */
    public void workAssigned(String workId, String contractorId, List<String> qualifications, String correlationId) {
        jdbc.update("INSERT INTO contractor_work (work_id, contractor_id, qualifications) VALUES (?, ?, ?) "
                + "ON CONFLICT (work_id, contractor_id) DO UPDATE SET qualifications = EXCLUDED.qualifications",
                workId, contractorId, String.join(",", qualifications));
        if (jdbc.queryForList("SELECT 1 FROM known_contractor WHERE contractor_id = ?", contractorId).isEmpty()) {
            return;
        }
        for (String qualification : qualifications) {
            lapseKey(contractorId, qualification).ifPresent(key -> block(workId, contractorId, qualification, key,
                    "Contractor " + contractorId + " does not hold " + qualification
                            + (NEVER_HELD.equals(key) ? "" : " (lapsed)") + ", which this work needs", correlationId));
        }
    }

    public void workEnded(String workId) {
        jdbc.update("DELETE FROM contractor_work WHERE work_id = ?", workId);
    }

    /** Present while the contractor lacks the qualification: the lapse event's id, or {@link #NEVER_HELD}. */
    private Optional<String> lapseKey(String contractorId, String qualification) {
        List<Boolean> lapsed = jdbc.queryForList("SELECT lapsed FROM contractor_qualification WHERE contractor_id = ? AND qualification = ?",
                Boolean.class, contractorId, qualification);
        if (lapsed.isEmpty()) {
            return Optional.of(NEVER_HELD);
        }
        if (!lapsed.get(0)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("SELECT lapse_event_id FROM contractor_qualification WHERE contractor_id = ? AND qualification = ?",
                String.class, contractorId, qualification));
    }

    private List<String> workNeeding(String contractorId, String qualification) {
        return jdbc.queryForList("SELECT work_id FROM contractor_work WHERE contractor_id = ? AND ',' || qualifications || ',' LIKE ?",
                String.class, contractorId, "%," + qualification + ",%");
    }

    private void block(String workId, String contractorId, String qualification, String key, String why, String correlationId) {
        commands.sendAndWait(new RaiseBlocker(workId, Blockers.contractorBlockerId(workId, contractorId, qualification, key),
                BlockerType.CONTRACTOR, why, contractorId, true), CommandMetadata.system(COMPONENT, correlationId));
    }
}
