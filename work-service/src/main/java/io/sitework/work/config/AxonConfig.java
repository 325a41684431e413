package io.sitework.work.config;

import io.sitework.work.process.ContractorBlockers;
import io.sitework.work.process.DependencyTracker;
import io.sitework.work.process.FindingRaiser;
import io.sitework.work.publish.WorkEventPublisher;
import io.sitework.work.query.WorkBoardProjection;
import io.sitework.work.schedule.process.ScheduledWorkCreator;
import io.sitework.work.schedule.query.ScheduleProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Event processing: handler errors propagate instead of being logged and skipped (Axon's default),
 * so the publisher retries from its token and the board's poison events go to its dead-letter queue.
 */
@Configuration
public class AxonConfig {

    @Autowired
    void configureErrorHandling(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(WorkEventPublisher.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(WorkBoardProjection.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(DependencyTracker.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ContractorBlockers.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(FindingRaiser.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ScheduledWorkCreator.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ScheduleProjection.NAME, c -> PropagatingErrorHandler.instance());
    }
}
