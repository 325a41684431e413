package io.sitework.context.config;

import io.sitework.context.asset.query.AssetTreeProjection;
import io.sitework.context.contractor.query.ContractorProjection;
import io.sitework.context.permit.process.IsolationAssetMarker;
import io.sitework.context.permit.query.PermitProjection;
import io.sitework.context.publish.ContextEventPublisher;
import io.sitework.context.site.query.SiteProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Handler errors propagate (the publisher and the isolation marker retry from their token; projection
 * poison events are dead-lettered).
 */
@Configuration
public class AxonConfig {

    @Autowired
    void configureErrorHandling(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(ContextEventPublisher.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(AssetTreeProjection.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(SiteProjection.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ContractorProjection.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(PermitProjection.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(IsolationAssetMarker.NAME, c -> PropagatingErrorHandler.instance());
    }
}
