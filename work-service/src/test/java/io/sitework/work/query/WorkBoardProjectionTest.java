package io.sitework.work.query;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection as a plain object over a map-backed store. */
class WorkBoardProjectionTest {

    private final Map<String, WorkDocument> saved = new HashMap<>();
    private int saves;
    private final WorkBoardStore store = new WorkBoardStore() {
        @Override
        public Optional<WorkDocument> find(String workId) {
            return Optional.ofNullable(saved.get(workId));
        }

        @Override
        public void save(WorkDocument document) {
            saves++;
            saved.put(document.getId(), document);
        }

        @Override
        public void clear() {
            saved.clear();
        }
    };
    private final WorkBoardProjection projection = new WorkBoardProjection(store);

    private static GenericDomainEventMessage<Object> message(Object payload, long sequence, String actor, Instant at) {
        return new GenericDomainEventMessage<>("Work", "w-1", sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, actor).and(CommandMetadata.CORRELATION_ID, "c-" + sequence),
                "e-" + sequence, at);
    }

    private final WorkRequested requested = new WorkRequested("w-1", "s-1", WorkKind.BATCH_CHECK, "Check batch 42", null,
            Priority.MEDIUM, "olga", null, List.of());

    @Test
    void followsTheLifecycleAndRecordsWhoAndWhen() {
        Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
        Instant t1 = Instant.parse("2026-11-25T09:00:00Z");
        Instant t2 = Instant.parse("2026-11-25T10:00:00Z");
        projection.on(requested, message(requested, 0, "anna", t0), 0);
        WorkStarted started = new WorkStarted("w-1", "s-1");
        projection.on(started, message(started, 1, "olga", t1), 1);
        WorkCompleted completed = new WorkCompleted("w-1", "s-1", "ok");
        projection.on(completed, message(completed, 2, "olga", t2), 2);

        WorkDocument doc = saved.get("w-1");
        assertThat(doc.getStatus()).isEqualTo(WorkStatus.DONE);
        assertThat(doc.getRequestedBy()).isEqualTo("anna");
        assertThat(doc.getRequestedAt()).isEqualTo(t0);
        assertThat(doc.getStartedBy()).isEqualTo("olga");
        assertThat(doc.getStartedAt()).isEqualTo(t1);
        assertThat(doc.getCompletedAt()).isEqualTo(t2);
        assertThat(doc.getOutcome()).isEqualTo("ok");
        assertThat(doc.getVersion()).isEqualTo(2);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
        projection.on(requested, message(requested, 0, "anna", t0), 0);
        WorkStarted started = new WorkStarted("w-1", "s-1");
        projection.on(started, message(started, 1, "olga", t0.plusSeconds(60)), 1);
        int savesBefore = saves;

        projection.on(requested, message(requested, 0, "mallory", t0.plusSeconds(999)), 0);
        projection.on(started, message(started, 1, "mallory", t0.plusSeconds(999)), 1);

        assertThat(saves).isEqualTo(savesBefore);
        assertThat(saved.get("w-1").getStatus()).isEqualTo(WorkStatus.IN_PROGRESS);
        assertThat(saved.get("w-1").getStartedBy()).isEqualTo("olga");
        assertThat(saved.get("w-1").getRequestedBy()).isEqualTo("anna");
    }

    @Test
    void resetEmptiesTheBoard() {
        projection.on(requested, message(requested, 0, "anna", Instant.now()), 0);
        projection.reset();
        assertThat(saved).isEmpty();
    }
}
