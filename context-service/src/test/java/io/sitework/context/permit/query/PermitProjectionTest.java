package io.sitework.context.permit.query;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.IsolationState;
import io.sitework.context.permit.api.LinkedWork;
import io.sitework.context.permit.api.PermitEvents;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.permit.api.WorkStatus;
import io.sitework.context.readmodel.DocumentStore;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PermitProjectionTest {

    static final List<String> WORK = List.of("w-1", "w-2");
    static final PermitType T = PermitType.CONFINED_SPACE;

    private final Map<String, PermitDocument> saved = new HashMap<>();
    private int saves;
    private final PermitProjection projection = new PermitProjection(new DocumentStore<PermitDocument>() {
        @Override
        public Optional<PermitDocument> find(String permitId) {
            return Optional.ofNullable(saved.get(permitId));
        }

        @Override
        public void save(PermitDocument document) {
            saves++;
            saved.put(document.id, document);
        }

        @Override
        public void clear() {
            saved.clear();
        }
    });

    private void deliver(PermitEvents.PermitEvent event, long sequence, String actor) {
        GenericDomainEventMessage<PermitEvents.PermitEvent> message = new GenericDomainEventMessage<>("Permit", event.permitId(), sequence,
                event, MetaData.with(CommandMetadata.ACTOR, actor), "e-" + sequence, Instant.parse("2026-11-25T08:00:00Z").plusSeconds(sequence));
        projection.on(event, message, sequence);
    }

    @Test
    void thePermitIsFoldedOnceEvenWhenEventsAreRedelivered() {
        PermitEvents.PermitRequested requested = new PermitEvents.PermitRequested("p-1", "s-1", T, WORK, List.of("a-1"), List.of("Gas"),
                List.of("Gas test"), Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-26T18:00:00Z"),
                List.of(new IsolationPoint("i-1", "Valve", "BLIND", "a-2"), new IsolationPoint("i-2", "Breaker", "DISCONNECT", null)), "rita",
                List.of(new LinkedWork("w-1", WorkStatus.PLANNED, 1)));
        deliver(requested, 0, "rita");
        deliver(new PermitEvents.PermitApproved("p-1", "s-1", T, WORK, "paul"), 1, "paul");
        PermitEvents.IsolationApplied applied = new PermitEvents.IsolationApplied("p-1", "s-1", T, WORK, PermitStatus.APPROVED,
                List.of("a-1"), "i-1", "Valve", "BLIND", "a-2", "ivan");
        deliver(applied, 2, "ivan");
        deliver(applied, 2, "ivan");
        deliver(requested, 0, "mallory");
        deliver(new PermitEvents.LinkedWorkStatusRecorded("p-1", "s-1", T, WORK, "w-2", WorkStatus.IN_PROGRESS, 3), 3, "system:work-status");

        assertThat(saves).isEqualTo(4);
        PermitDocument doc = saved.get("p-1");
        assertThat(doc.status).isEqualTo(PermitStatus.APPROVED);
        assertThat(doc.isolatedAssetIds).containsExactly("a-2");
        PermitView view = doc.toView();
        assertThat(view.requestedBy()).isEqualTo("rita");
        assertThat(view.approvedBy()).isEqualTo("paul");
        assertThat(view.isolations()).extracting(PermitView.IsolationView::state).containsExactly(IsolationState.APPLIED, IsolationState.PLANNED);
        assertThat(view.isolations().get(0).appliedBy()).isEqualTo("ivan");
        assertThat(view.linkedWork()).containsExactly(new PermitView.LinkedWorkView("w-1", WorkStatus.PLANNED),
                new PermitView.LinkedWorkView("w-2", WorkStatus.IN_PROGRESS));
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void removedIsolationsNoLongerIsolateTheirAssetAndEndsAreRecorded() {
        deliver(new PermitEvents.PermitRequested("p-2", "s-1", T, List.of(), List.of(), List.of("Gas"), List.of("Gas test"),
                Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-26T18:00:00Z"),
                List.of(new IsolationPoint("i-1", "Valve", "BLIND", "a-2")), "rita", List.of()), 0, "rita");
        deliver(new PermitEvents.IsolationApplied("p-2", "s-1", T, List.of(), PermitStatus.APPROVED, List.of(), "i-1", "Valve", "BLIND",
                "a-2", "ivan"), 1, "ivan");
        deliver(new PermitEvents.PermitCancelled("p-2", "s-1", T, List.of(), "paul", "Postponed"), 2, "paul");
        assertThat(saved.get("p-2").isolatedAssetIds).containsExactly("a-2");
        deliver(new PermitEvents.IsolationRemoved("p-2", "s-1", T, List.of(), PermitStatus.CANCELLED, List.of(), "i-1", "Valve", "BLIND",
                "a-2", "ivan"), 3, "ivan");

        PermitView view = saved.get("p-2").toView();
        assertThat(saved.get("p-2").isolatedAssetIds).isEmpty();
        assertThat(view.status()).isEqualTo(PermitStatus.CANCELLED);
        assertThat(view.transitions().cancelledBy()).isEqualTo("paul");
        assertThat(view.transitions().cancelReason()).isEqualTo("Postponed");
        assertThat(view.isolations().get(0).removedBy()).isEqualTo("ivan");
    }
}
