package io.sitework.work.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkCommands.StartWork;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A piece of site work. Guards live in the command handlers; state changes only in the event
 * sourcing handlers, so replaying the events rebuilds exactly the state the guards saw.
 */
@Aggregate
public class Work {

    @AggregateIdentifier
    private String workId;
    private String siteId;
    private WorkStatus status;

    protected Work() {
        // for Axon
    }

    @CommandHandler
    public Work(RequestWork command) {
        WorkRules.validateRequest(command);
        apply(new WorkRequested(command.workId(), command.siteId(), command.kind(), command.title().strip(),
                command.description() == null || command.description().isBlank() ? null : command.description().strip(),
                command.priority(), command.ownerId(), command.dueAt(), command.assetIds()));
    }

    @CommandHandler
    public void handle(StartWork command) {
        if (status != WorkStatus.REQUESTED && status != WorkStatus.PLANNED) {
            throw new DomainRuleViolation("work.cannot-start",
                    "Work " + workId + " is " + status + "; only REQUESTED or PLANNED work can be started");
        }
        apply(new WorkStarted(workId, siteId));
    }

    @CommandHandler
    public void handle(CompleteWork command) {
        if (status != WorkStatus.IN_PROGRESS) {
            throw new DomainRuleViolation("work.not-in-progress",
                    "Work " + workId + " is " + status + "; only IN_PROGRESS work can be completed");
        }
        String outcome = command.outcome() == null || command.outcome().isBlank() ? null : command.outcome().strip();
        apply(new WorkCompleted(workId, siteId, outcome));
    }

    @EventSourcingHandler
    void on(WorkRequested event) {
        workId = event.workId();
        siteId = event.siteId();
        status = WorkStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(WorkStarted event) {
        status = WorkStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkCompleted event) {
        status = WorkStatus.DONE;
    }
}
