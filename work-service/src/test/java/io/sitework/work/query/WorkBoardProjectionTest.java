package io.sitework.work.query;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.axon.EventContext;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.WorkEvents.BlockerRaised;
import io.sitework.work.api.WorkEvents.BlockerResolved;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkEvents.CommentAdded;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkPutOnHold;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkResumed;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.sitework.work.query.WorkEventSamples.END;
import static io.sitework.work.query.WorkEventSamples.SITE;
import static io.sitework.work.query.WorkEventSamples.START;
import static io.sitework.work.query.WorkEventSamples.WORK;
import static io.sitework.work.query.WorkEventSamples.requested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection as a plain object over a map-backed store. Events reach it through Axon's annotation
 * adapter, as in the running service: an event type without a handler would simply not arrive.
 */
class WorkBoardProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    /** A map standing in for MongoDB; counts the writes. */
    static final class MapStore implements WorkBoardStore {
        final Map<String, WorkDocument> documents = new HashMap<>();
        int saves;

        @Override
        public Optional<WorkDocument> find(String workId) {
            return Optional.ofNullable(documents.get(workId));
        }

        @Override
        public void save(WorkDocument document) {
            saves++;
            documents.put(document.id, document);
        }

        @Override
        public void clear() {
            documents.clear();
        }
    }

    private final MapStore store = new MapStore();
    private final AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new WorkBoardProjection(store));
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    static DomainEventMessage<?> message(String workId, Object payload, long sequence, String actor, Instant at) {
        return new GenericDomainEventMessage<>("Work", workId, sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, actor).and(CommandMetadata.CORRELATION_ID, "c-" + sequence),
                "e-" + workId + "-" + sequence, at);
    }

    /** Appends the events to the history of w-1 (one minute apart) and delivers them. */
    private void live(String actor, Object... payloads) throws Exception {
        for (Object payload : payloads) {
            int sequence = history.size();
            DomainEventMessage<?> message = message(WORK, payload, sequence, actor, T0.plusSeconds(60L * sequence));
            history.add(message);
            deliver(message);
        }
    }

    private void deliver(DomainEventMessage<?> message) throws Exception {
        assertThat(projection.canHandle(message)).as("the projection handles %s", message.getPayloadType().getSimpleName()).isTrue();
        projection.handle(message);
    }

    private WorkDocument board() {
        return store.documents.get(WORK);
    }

    private WorkDocument fold() {
        WorkDocument state = new WorkDocument();
        history.forEach(m -> WorkFold.apply(state, m.getPayload(), EventContext.of(m, m.getSequenceNumber())));
        return state;
    }

    @Test
    void followsTheLifecycleAndRecordsWhoDidWhatAndWhen() throws Exception {
        Assignee team = new Assignee(Assignee.AssigneeType.TEAM, "mech-1");
        live("anna", requested());
        live("olga", new WorkPlanned(WORK, SITE, START, END, List.of(team)));
        live("olga", new WorkAssigned(WORK, SITE, "bruno", List.of(team), List.of("ines")));
        live("bruno", new WorkStarted(WORK, SITE), new WorkPutOnHold(WORK, SITE, "crane"), new WorkResumed(WORK, SITE),
                new ChecklistItemRecorded(WORK, SITE, "torque", "Bolt torque", "45", "Nm", ChecklistItemSpec.Result.PASSED, "ok", true),
                new CommentAdded(WORK, SITE, "c-1", "Done before lunch"), new WorkCompleted(WORK, SITE, "Seal replaced"));
        live("sam", new WorkClosed(WORK, SITE, false, null));

        WorkView view = board().toView(NOW);
        assertThat(view.status()).isEqualTo(WorkStatus.CLOSED);
        assertThat(view.version()).isEqualTo(9);
        assertThat(view.ownerId()).isEqualTo("bruno");
        assertThat(view.assignees()).containsExactly(team);
        assertThat(view.watchers()).containsExactly("ines");
        assertThat(view.plannedStart()).isEqualTo(START);
        assertThat(view.transitions().requestedBy()).isEqualTo("anna");
        assertThat(view.transitions().requestedAt()).isEqualTo(T0);
        assertThat(view.transitions().plannedBy()).isEqualTo("olga");
        assertThat(view.transitions().startedBy()).isEqualTo("bruno");
        assertThat(view.transitions().startedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(view.transitions().heldBy()).isEqualTo("bruno");
        assertThat(view.transitions().holdReason()).isNull();
        assertThat(view.transitions().outcome()).isEqualTo("Seal replaced");
        assertThat(view.transitions().closedBy()).isEqualTo("sam");
        assertThat(view.transitions().closedAt()).isEqualTo(T0.plusSeconds(540));
        assertThat(view.checklist()).singleElement().satisfies(item -> {
            assertThat(item.value()).isEqualTo("45");
            assertThat(item.result()).isEqualTo(ChecklistItemSpec.Result.PASSED);
            assertThat(item.recordedBy()).isEqualTo("bruno");
        });
        assertThat(view.comments()).singleElement().satisfies(c -> assertThat(c.author()).isEqualTo("bruno"));
        assertThat(view.overdue()).isFalse();
        assertThat(view).isEqualTo(fold().toView(NOW));
    }

    static Stream<Object> everyDomainEvent() {
        return WorkEventSamples.all().stream().skip(1);
    }

    @Test
    void theSamplesCoverEveryDomainEvent() {
        WorkEventSamples.assertCoversEveryDomainEvent(WorkEventSamples.all());
    }

    @ParameterizedTest
    @MethodSource("everyDomainEvent")
    void everyDomainEventReachesTheBoard(Object event) throws Exception {
        live("anna", requested(), new BlockerRaised(WORK, SITE, "b-1", BlockerType.PARTS, "kit", null, false));
        live("bruno", event);

        assertThat(board().version).as("the board applied %s", event.getClass().getSimpleName()).isEqualTo(2);
        assertThat(board().updatedAt).isEqualTo(T0.plusSeconds(120));
        assertThat(board().toView(NOW)).isEqualTo(fold().toView(NOW));
    }

    @Test
    void blockedWorkIsBlockedSinceItsOldestOpenBlocker() throws Exception {
        live("anna", requested());
        live("olga", new BlockerRaised(WORK, SITE, "b-1", BlockerType.PARTS, "kit", "PO-77", false),
                new BlockerRaised(WORK, SITE, "b-2", BlockerType.PERMIT, "permit", null, true));
        assertThat(board().blocked).isTrue();
        assertThat(board().blockedSince).isEqualTo(T0.plusSeconds(60));
        assertThat(board().openBlockerTypes).containsExactly(BlockerType.PARTS, BlockerType.PERMIT);

        live("olga", new BlockerResolved(WORK, SITE, "b-1", BlockerType.PARTS, "arrived", false));
        assertThat(board().blocked).isTrue();
        assertThat(board().blockedSince).isEqualTo(T0.plusSeconds(120));
        assertThat(board().openBlockerTypes).containsExactly(BlockerType.PERMIT);
        assertThat(board().toView(NOW).blockers()).extracting(WorkView.BlockerView::open).containsExactly(false, true);

        live("system:dependency-tracker", new BlockerResolved(WORK, SITE, "b-2", BlockerType.PERMIT, null, true));
        assertThat(board().blocked).isFalse();
        assertThat(board().blockedSince).isNull();
        assertThat(board().openBlockerTypes).isEmpty();
        assertThat(board().toView(NOW).blockers().get(1).resolvedBy()).isEqualTo("system:dependency-tracker");
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        live("anna", requested());
        live("olga", new WorkPlanned(WORK, SITE, START, END, List.of()), new WorkStarted(WORK, SITE),
                new CommentAdded(WORK, SITE, "c-1", "once"));
        WorkView before = board().toView(NOW);
        int savesBefore = store.saves;

        for (DomainEventMessage<?> m : List.copyOf(history)) {
            deliver(message(WORK, m.getPayload(), m.getSequenceNumber(), "mallory", T0.plusSeconds(99_999)));
        }

        assertThat(store.saves).isEqualTo(savesBefore);
        assertThat(board().toView(NOW)).isEqualTo(before);
        assertThat(board().comments).hasSize(1);
    }

    @Test
    void aBatchRedeliveredAfterACrashResumesWhereTheBoardLeftOff() throws Exception {
        live("anna", requested(), new WorkPlanned(WORK, SITE, START, END, List.of()));
        // the processor crashed after writing the board but before storing its token: the batch comes again, then more
        List<DomainEventMessage<?>> replay = List.copyOf(history);
        live("bruno", new WorkStarted(WORK, SITE));
        replay.forEach(m -> {
            try {
                deliver(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        live("bruno", new WorkCompleted(WORK, SITE, null));

        assertThat(board().status).isEqualTo(WorkStatus.DONE);
        assertThat(board().version).isEqualTo(3);
        assertThat(board().toView(NOW)).isEqualTo(fold().toView(NOW));
    }

    @Test
    void workItemsAreKeptApart() throws Exception {
        live("anna", requested());
        WorkRequested other = new WorkRequested("w-2", SITE, requested().kind(), "Another", null, requested().priority(), null, null,
                null, null, null, null, null, null, null, null, null, null);
        deliver(message("w-2", other, 0, "olga", T0));
        live("bruno", new WorkStarted(WORK, SITE));

        assertThat(store.documents).containsOnlyKeys(WORK, "w-2");
        assertThat(store.documents.get("w-2").title).isEqualTo("Another");
        assertThat(store.documents.get("w-2").status).isEqualTo(WorkStatus.REQUESTED);
        assertThat(board().title).isEqualTo("Replace pump seal");
        assertThat(board().status).isEqualTo(WorkStatus.IN_PROGRESS);
    }

    @Test
    void resetEmptiesTheBoard() throws Exception {
        live("anna", requested());
        projection.prepareReset();
        assertThat(store.documents).isEmpty();
    }

    @Test
    void aRequestedWorkItemShowsItsWholeContext() throws Exception {
        live("anna", requested());
        WorkView view = board().toView(NOW);
        assertThat(view.id()).isEqualTo(WORK);
        assertThat(view.siteId()).isEqualTo(SITE);
        assertThat(view.status()).isEqualTo(WorkStatus.REQUESTED);
        assertThat(view.assetIds()).containsExactly("a-1", "a-2");
        assertThat(view.dependsOn()).containsExactly("w-0");
        assertThat(view.contractorId()).isEqualTo("c-9");
        assertThat(view.originWorkId()).isEqualTo("w-origin");
        assertThat(view.documents()).hasSize(1);
        assertThat(view.checklist()).singleElement().satisfies(i -> assertThat(i.mandatory()).isTrue());
        assertThat(view.overdue()).as("due %s, now %s", view.dueAt(), NOW).isTrue();
        assertThat(view.ready()).isFalse();
        assertThat(board().searchText).isEqualTo("replace pump seal leaking at the shaft");
    }
}
