package io.sitework.work.process;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkRejected;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.context.ContractorQualifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work given to a contractor (named on the request, or assigned as a CONTRACTOR assignee) is checked
 * against the contractor's qualifications: the work needs one for each required permit type but
 * GENERAL (e.g. HOT_WORK). What the work needs is kept beside the processor's token, written in the
 * same transaction, so an assignment later in the work's life is judged on the same needs.
 */
@Component
@ProcessingGroup(ContractorBlockers.NAME)
@DisallowReplay
public class ContractorBlockers {

    public static final String NAME = "work-contractors";

    private final JdbcTemplate jdbc;
    private final ContractorQualifications qualifications;

    public ContractorBlockers(JdbcTemplate jdbc, ContractorQualifications qualifications) {
        this.jdbc = jdbc;
        this.qualifications = qualifications;
    }

    /** The qualifications work with these required permit types needs from whoever does it. */
    static List<String> neededQualifications(List<PermitType> requiredPermitTypes) {
        return requiredPermitTypes.stream().filter(t -> t != PermitType.GENERAL).map(Enum::name).distinct().toList();
    }

    @EventHandler
    void on(WorkRequested event, EventMessage<?> message) {
        List<String> needed = neededQualifications(event.requiredPermitTypes());
        jdbc.update("INSERT INTO contractor_work_need (work_id, qualifications, requested_contractor_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.workId(), String.join(",", needed), event.contractorId());
        if (event.contractorId() != null && !needed.isEmpty()) {
            assign(event.workId(), Set.of(event.contractorId()), needed, message);
        }
    }

    @EventHandler
    void on(WorkPlanned event, EventMessage<?> message) {
        reassigned(event.workId(), event.assignees(), message);
    }

    @EventHandler
    void on(WorkAssigned event, EventMessage<?> message) {
        reassigned(event.workId(), event.assignees(), message);
    }

    @EventHandler
    void on(WorkClosed event) {
        ended(event.workId());
    }

    @EventHandler
    void on(WorkCancelled event) {
        ended(event.workId());
    }

    @EventHandler
    void on(WorkRejected event) {
        ended(event.workId());
    }

    private void reassigned(String workId, List<Assignee> assignees, EventMessage<?> message) {
        List<Map<String, Object>> need = jdbc.queryForList(
                "SELECT qualifications, requested_contractor_id FROM contractor_work_need WHERE work_id = ?", workId);
        if (need.isEmpty() || ((String) need.get(0).get("qualifications")).isEmpty()) {
            return;
        }
        Set<String> contractors = new LinkedHashSet<>();
        if (need.get(0).get("requested_contractor_id") != null) {
            contractors.add((String) need.get(0).get("requested_contractor_id"));
        }
        assignees.stream().filter(a -> a.type() == Assignee.AssigneeType.CONTRACTOR).map(Assignee::id).forEach(contractors::add);
        assign(workId, contractors, List.of(((String) need.get(0).get("qualifications")).split(",")), message);
    }

    private void assign(String workId, Set<String> contractors, List<String> needed, EventMessage<?> message) {
        String correlationId = CommandMetadata.correlationId(message.getMetaData());
        contractors.stream().sorted().forEach(contractorId -> {
            qualifications.lock(contractorId);
            qualifications.workAssigned(workId, contractorId, needed, correlationId);
        });
    }

    private void ended(String workId) {
        qualifications.workEnded(workId);
        jdbc.update("DELETE FROM contractor_work_need WHERE work_id = ?", workId);
    }
}
