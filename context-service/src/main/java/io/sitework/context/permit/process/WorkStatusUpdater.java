package io.sitework.context.permit.process;

import io.sitework.context.permit.api.PermitCommands.RecordLinkedWorkStatus;
import io.sitework.context.permit.api.WorkStatus;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Keeps context-service's view of work status and tells every permit covering the work. One
 * transaction holds the new status and the permits' events (Axon's unit of work joins it): either
 * both are stored or neither, so a record whose status is already known can be skipped safely.
 */
@Component
public class WorkStatusUpdater {

    static final String ACTOR = "work-status";

    private final WorkStatusStore store;
    private final CommandGateway commands;

    public WorkStatusUpdater(WorkStatusStore store, CommandGateway commands) {
        this.store = store;
        this.commands = commands;
    }

    /** @return the permits told; empty when the status was not newer than the one known */
    @Transactional
    public List<String> update(String workId, String siteId, WorkStatus status, long sequence, String correlationId) {
        Optional<List<String>> permits = store.record(workId, siteId, status, sequence);
        permits.ifPresent(ids -> ids.forEach(permitId -> commands.sendAndWait(
                new RecordLinkedWorkStatus(permitId, workId, status, sequence), CommandMetadata.system(ACTOR, correlationId))));
        return permits.orElse(List.of());
    }
}
