package io.sitework.work.schedule.process;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.WorkTemplate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Requests the work item of each schedule occurrence. The work id comes with the event (derived from
 * the schedule and the occurrence), so an event delivered again finds the work already created and
 * changes nothing. Errors propagate: the processor retries from its token rather than skip an
 * occurrence. Never replayed.
 *
 * <p>Inside the processor, the command's unit of work is nested in the processor's: the work's events
 * are appended when the processor's batch commits, together with its token — so a duplicate id would
 * not surface here as an {@link AggregateStreamCreationException} but fail the whole batch. Hence the
 * check for an existing stream first; should two creators still race, the batch fails, is retried and
 * then finds the work.
 */
@Component
@ProcessingGroup(ScheduledWorkCreator.NAME)
@DisallowReplay
public class ScheduledWorkCreator {

    public static final String NAME = "work-schedules";

    private final CommandGateway commands;
    private final EventStore eventStore;

    public ScheduledWorkCreator(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    public void on(ScheduleOccurred event, EventMessage<?> message) {
        if (eventStore.lastSequenceNumberFor(event.workId()).isPresent()) {
            return; // delivered again: this occurrence's work exists already
        }
        WorkTemplate t = event.template();
        RequestWork request = new RequestWork(event.workId(), event.siteId(), t.kind(), t.title(), t.description(), t.priority(),
                t.ownerId(), event.dueAt(), event.occurrence(), event.dueAt(), t.assetIds(), List.of(), List.of(), null,
                t.checklist(), List.of(), List.of(), null);
        try {
            commands.sendAndWait(request, CommandMetadata.system("schedule/" + event.scheduleId(),
                    CommandMetadata.correlationId(message.getMetaData())));
        } catch (AggregateStreamCreationException alreadyCreated) {
            // created meanwhile (only seen when not nested in a processor's unit of work)
        }
    }
}
