package io.sitework.context.permit.process;

import io.sitework.context.asset.api.AssetCommands.ApplyIsolation;
import io.sitework.context.asset.api.AssetCommands.RemoveIsolation;
import io.sitework.context.permit.api.PermitEvents.IsolationApplied;
import io.sitework.context.permit.api.PermitEvents.IsolationRemoved;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The isolation marker against a command bus that records what it is sent (the asset handlers live elsewhere). */
class IsolationAssetMarkerTest {

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final IsolationAssetMarker marker = new IsolationAssetMarker(DefaultCommandGateway.builder().commandBus(bus).build());

    private void recordAssetCommands() {
        bus.subscribe(ApplyIsolation.class.getName(), command -> {
            sent.add(command);
            return null;
        });
        bus.subscribe(RemoveIsolation.class.getName(), command -> {
            sent.add(command);
            return null;
        });
    }

    private static GenericEventMessage<Object> message(Object event) {
        return new GenericEventMessage<>(event, MetaData.with(CommandMetadata.ACTOR, "ivan").and(CommandMetadata.CORRELATION_ID, "c-1"));
    }

    private static IsolationApplied applied(List<String> scope, String pointAsset) {
        return new IsolationApplied("p-1", "s-1", PermitType.ELECTRICAL, List.of(), PermitStatus.APPROVED, scope, "i-1", "MCC-4 breaker",
                "DISCONNECT", pointAsset, "ivan");
    }

    @Test
    void anAppliedIsolationMarksEveryAssetOfTheScopeAndThePointsOwnOnce() {
        recordAssetCommands();
        IsolationApplied event = applied(List.of("a-1", "a-2"), "a-2");

        marker.on(event, message(event));

        assertThat(sent.stream().map(c -> (Object) c.getPayload()).toList()).containsExactly(
                new ApplyIsolation("a-1", "p-1", "i-1"), new ApplyIsolation("a-2", "p-1", "i-1"));
        assertThat(sent).allSatisfy(command -> {
            assertThat(command.getMetaData().get(CommandMetadata.ACTOR)).isEqualTo("system:permit-isolations");
            assertThat(command.getMetaData().get(CommandMetadata.CORRELATION_ID)).isEqualTo("c-1");
        });
    }

    @Test
    void aRemovedIsolationUnmarksTheSameAssets() {
        recordAssetCommands();
        IsolationRemoved event = new IsolationRemoved("p-1", "s-1", PermitType.ELECTRICAL, List.of(), PermitStatus.HANDED_BACK, List.of(),
                "i-1", "MCC-4 breaker", "DISCONNECT", "a-3", "ivan");

        marker.on(event, message(event));

        assertThat(sent.stream().map(c -> (Object) c.getPayload()).toList()).containsExactly(new RemoveIsolation("a-3", "p-1", "i-1"));
    }

    @Test
    void anIsolationOfAPermitWithoutAssetsMarksNothing() {
        recordAssetCommands();
        IsolationApplied event = applied(List.of(), null);

        marker.on(event, message(event));

        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedAssetCommandPropagatesSoTheProcessorRetriesFromItsToken() {
        IsolationApplied event = applied(List.of("a-1"), null);

        assertThatThrownBy(() -> marker.on(event, message(event))).isInstanceOf(NoHandlerForCommandException.class);
    }
}
