package io.sitework.work.context;

import io.sitework.events.CloudEvent;
import io.sitework.events.context.PermitEvent;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.kafka.consumer.UnprocessableEventException;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.WorkCommands.RecordPermitStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * work-service's view of the permits that matter to it: each permit event names the permit's type,
 * its status after the event and the work it covers, and each of those work items records it
 * ({@link RecordPermitStatus}); the Work aggregate decides what it means (linked, blocked, unblocked)
 * and ignores repeats by the permit's event sequence.
 */
@Component
public class PermitFollower {

    static final String COMPONENT = "permit-follower";
    private static final Logger log = LoggerFactory.getLogger(PermitFollower.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    public PermitFollower(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    void on(CloudEvent event, PermitEvent permit) {
        PermitType type = permitType(permit);
        if (permit.status() == null || permit.status().isBlank()) {
            throw new UnprocessableEventException(event.type() + " " + event.id() + " has no status");
        }
        for (String workId : permit.workIds()) {
            // asked first rather than caught: a failed command would spoil the caller's transaction
            if (eventStore.lastSequenceNumberFor(workId).isEmpty()) {
                log.warn("Permit {} names work {}, which does not exist here; nothing to record", permit.permitId(), workId);
                continue;
            }
            commands.sendAndWait(new RecordPermitStatus(workId, permit.siteId(), permit.permitId(), type, permit.status(), event.sequence()),
                    CommandMetadata.system(COMPONENT, event.correlationid()));
        }
    }

    private static PermitType permitType(PermitEvent permit) {
        try {
            return PermitType.valueOf(permit.permitType());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEventException("permit " + permit.permitId() + " has an unknown type " + permit.permitType());
        }
    }
}
