package io.sitework.work.process;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.WorkCommands.ResolveBlocker;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.command.Blockers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Clears the OTHER_WORK blockers that work requested with {@code dependsOn} starts with, once each
 * predecessor is closed or cancelled — by reacting to events, never by asking synchronously. Its
 * state (who waits for whom, each item's last status) lives in PostgreSQL beside its token and is
 * written in the same transaction, so a crash neither loses nor repeats a step; the commands it sends
 * are idempotent anyway.
 */
@Component
@ProcessingGroup(DependencyTracker.NAME)
@DisallowReplay
public class DependencyTracker {

    public static final String NAME = "work-dependencies";
    static final String COMPONENT = "dependency-tracker";

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    public DependencyTracker(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(WorkRequested event, EventMessage<?> message) {
        setStatus(event.workId(), WorkStatus.REQUESTED);
        for (String predecessor : event.dependsOn()) {
            jdbc.update("INSERT INTO work_dependency (predecessor_id, dependent_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    predecessor, event.workId());
            String status = statusOf(predecessor);
            if (WorkStatus.CLOSED.name().equals(status) || WorkStatus.CANCELLED.name().equals(status)) {
                resolve(event.workId(), predecessor, status, message);
            }
        }
    }

    @EventHandler
    void on(WorkClosed event, EventMessage<?> message) {
        finished(event.workId(), WorkStatus.CLOSED, message);
    }

    @EventHandler
    void on(WorkCancelled event, EventMessage<?> message) {
        finished(event.workId(), WorkStatus.CANCELLED, message);
    }

    private void finished(String workId, WorkStatus status, EventMessage<?> message) {
        setStatus(workId, status);
        List<String> dependents = jdbc.queryForList("SELECT dependent_id FROM work_dependency WHERE predecessor_id = ?", String.class, workId);
        dependents.forEach(dependent -> resolve(dependent, workId, status.name(), message));
    }

    private void resolve(String dependent, String predecessor, String status, EventMessage<?> cause) {
        commands.sendAndWait(new ResolveBlocker(dependent, Blockers.dependencyBlockerId(dependent, predecessor),
                        "Work " + predecessor + " is " + status, true),
                CommandMetadata.system(COMPONENT, CommandMetadata.correlationId(cause.getMetaData())));
    }

    private void setStatus(String workId, WorkStatus status) {
        jdbc.update("INSERT INTO work_status (work_id, status) VALUES (?, ?) ON CONFLICT (work_id) DO UPDATE SET status = EXCLUDED.status",
                workId, status.name());
    }

    private String statusOf(String workId) {
        return jdbc.queryForList("SELECT status FROM work_status WHERE work_id = ?", String.class, workId).stream().findFirst().orElse(null);
    }
}
