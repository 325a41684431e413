package io.sitework.context.permit.process;

import io.sitework.context.asset.api.AssetCommands.ApplyIsolation;
import io.sitework.context.asset.api.AssetCommands.RemoveIsolation;
import io.sitework.context.permit.api.PermitEvents.IsolationApplied;
import io.sitework.context.permit.api.PermitEvents.IsolationRemoved;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Assets show ISOLATED while a permit's isolation is applied: each applied (removed) isolation point
 * marks (unmarks) every asset of the permit's scope and the point's own asset. The asset commands are
 * idempotent per (permit, isolation), so a redelivered event changes nothing; other failures propagate
 * and the processor retries from its token.
 */
@Component
@ProcessingGroup(IsolationAssetMarker.NAME)
public class IsolationAssetMarker {

    public static final String NAME = "permit-isolations";


    private final CommandGateway commands;

    public IsolationAssetMarker(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(IsolationApplied event, EventMessage<?> message) {
        for (String assetId : assets(event.scopeAssetIds(), event.assetId())) {
            send(new ApplyIsolation(assetId, event.permitId(), event.isolationId()), message);
        }
    }

    @EventHandler
    @DisallowReplay
    void on(IsolationRemoved event, EventMessage<?> message) {
        for (String assetId : assets(event.scopeAssetIds(), event.assetId())) {
            send(new RemoveIsolation(assetId, event.permitId(), event.isolationId()), message);
        }
    }

    static Set<String> assets(List<String> scope, String pointAssetId) {
        Set<String> assets = new LinkedHashSet<>(scope);
        if (pointAssetId != null) {
            assets.add(pointAssetId);
        }
        return assets;
    }

    private void send(Object command, EventMessage<?> cause) {
        commands.sendAndWait(command, CommandMetadata.system(NAME, CommandMetadata.correlationId(cause.getMetaData())));
    }
}
