package io.sitework.work.process;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkView;
import io.sitework.work.query.WorkReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A failed checklist reading of an item marked {@code raiseFinding} becomes an INSPECTION_FINDING
 * work item on the same site and assets, linked to the original and owned by its owner. The new
 * item's id derives from the recording event, so a redelivered event cannot raise it twice: the
 * existence check comes first because, inside a processor's batch, a duplicate creation would only
 * fail when the batch commits — after any catch here.
 */
@Component
@ProcessingGroup(FindingRaiser.NAME)
@DisallowReplay
public class FindingRaiser {

    public static final String NAME = "work-findings";

    private final CommandGateway commands;
    private final WorkReader reader;

    public FindingRaiser(CommandGateway commands, WorkReader reader) {
        this.commands = commands;
        this.reader = reader;
    }

    @EventHandler
    void on(ChecklistItemRecorded event, EventMessage<?> message) {
        if (!event.raiseFinding() || event.result() != ChecklistItemSpec.Result.FAILED) {
            return;
        }
        WorkView origin = reader.get(event.workId());
        String findingId = UUID.nameUUIDFromBytes(("finding/" + message.getIdentifier()).getBytes(StandardCharsets.UTF_8)).toString();
        String reading = event.value() + (event.unit() == null ? "" : " " + event.unit());
        String title = truncate("Finding: " + event.label() + " = " + reading + " on " + origin.title(), 200);
        String description = "Raised from the checklist of work " + origin.id() + " (\"" + origin.title() + "\"): '" + event.label()
                + "' was recorded as " + reading + (event.note() == null ? "" : " — " + event.note()) + ".";
        if (reader.exists(findingId)) {
            return; // the event was delivered again: the finding exists
        }
        commands.sendAndWait(new RequestWork(findingId, origin.siteId(), WorkKind.INSPECTION_FINDING, title, description,
                        Priority.HIGH, origin.ownerId(), null, null, null, origin.assetIds(), List.of(), List.of(), null,
                        List.of(), List.of(), List.of(), origin.id()),
                CommandMetadata.system("finding-raiser", CommandMetadata.correlationId(message.getMetaData())));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
