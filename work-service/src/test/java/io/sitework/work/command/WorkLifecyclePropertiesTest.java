package io.sitework.work.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.support.domain.NotFoundException;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.Assignee.AssigneeType;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.ChecklistItemSpec.ChecklistItemType;
import io.sitework.work.api.ChecklistItemSpec.Result;
import io.sitework.work.api.DocumentRef;
import io.sitework.work.api.PermitType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkCommands.AddComment;
import io.sitework.work.api.WorkCommands.AssignWork;
import io.sitework.work.api.WorkCommands.CancelWork;
import io.sitework.work.api.WorkCommands.CloseWork;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.HoldWork;
import io.sitework.work.api.WorkCommands.PlanWork;
import io.sitework.work.api.WorkCommands.RaiseBlocker;
import io.sitework.work.api.WorkCommands.RecordChecklistItem;
import io.sitework.work.api.WorkCommands.RejectWork;
import io.sitework.work.api.WorkCommands.ReopenWork;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkCommands.ResolveBlocker;
import io.sitework.work.api.WorkCommands.ResumeWork;
import io.sitework.work.api.WorkCommands.StartWork;
import io.sitework.work.api.WorkEvents.BlockerRaised;
import io.sitework.work.api.WorkEvents.BlockerResolved;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkEvents.CommentAdded;
import io.sitework.work.api.WorkEvents.DueDateChanged;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkOverdue;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkPutOnHold;
import io.sitework.work.api.WorkEvents.WorkRejected;
import io.sitework.work.api.WorkEvents.WorkReopened;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkResumed;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.query.WorkBoardProjection;
import io.sitework.work.query.WorkBoardStore;
import io.sitework.work.query.WorkDocument;
import io.sitework.work.query.WorkFold;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sitework.work.api.WorkStatus.CANCELLED;
import static io.sitework.work.api.WorkStatus.CLOSED;
import static io.sitework.work.api.WorkStatus.DONE;
import static io.sitework.work.api.WorkStatus.IN_PROGRESS;
import static io.sitework.work.api.WorkStatus.ON_HOLD;
import static io.sitework.work.api.WorkStatus.PLANNED;
import static io.sitework.work.api.WorkStatus.REJECTED;
import static io.sitework.work.api.WorkStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random command sequences against the real {@link Work} aggregate.
 *
 * <p><b>The harness.</b> Each try gets its own {@link AggregateTestFixture}. A step is run as
 * {@code fixture.given(eventsSoFar).when(command)}: the fixture sources the aggregate from the events
 * accumulated so far, handles the command and reports the events it produced or the exception it
 * threw (read back through capturing matchers); produced events are appended to the history. The
 * fixture's own check that state changes only in event sourcing handlers runs on every step. Time is
 * the fixture's: its stub deadline manager keeps the deadlines scheduled by earlier steps (it is not
 * reset by {@code given}), and a "time passes" step is {@code given(eventsSoFar).whenTimeAdvancesTo(t)},
 * which fires due deadlines into the aggregate exactly as Axon would.
 *
 * <p><b>The reference model.</b> {@link Model} is written independently of {@code Work}: a table of
 * allowed transitions, the open and resolved blockers, the checklist results (judged by its own small
 * oracle), the due date and the one scheduled deadline. For every step it predicts whether the command
 * is accepted and which events it produces; then it checks each produced event against its
 * invariants: the new status is allowed from the old one, blocked work never starts/resumes/completes,
 * closed work has its mandatory items recorded and passed unless closed with a supervisor's override
 * and a reason, refused commands store nothing, and the deadline the fixture holds is the one the
 * model expects.
 *
 * <p><b>Read model = fold.</b> At the end the whole history is delivered to {@link WorkBoardProjection}
 * (through Axon's annotation adapter, over a store that keeps JSON copies like MongoDB) in random
 * batches, with batches redelivered as after a crash and stray redeliveries of old events; the board
 * document must equal {@link WorkFold} applied once, in order, to the same events.
 */
class WorkLifecyclePropertiesTest {

    static final String WORK = "w-1";
    static final String SITE = "s-1";
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Instant VIEWED_AT = Instant.parse("2026-12-15T00:00:00Z");
    static final List<String> PREDECESSORS = List.of("w-p1", "w-p2", "w-p3");
    static final List<String> MANUAL_BLOCKERS = List.of("b-1", "b-2", "b-3");
    static final List<String> CHOICES = List.of("good", "worn", "leaking");

    static final Set<WorkStatus> OPEN = EnumSet.of(REQUESTED, PLANNED, IN_PROGRESS, ON_HOLD);
    /** The lifecycle of ARCHITECTURE.md, written out: which status may follow which. */
    static final Map<WorkStatus, Set<WorkStatus>> ALLOWED = new EnumMap<>(Map.of(
            REQUESTED, EnumSet.of(PLANNED, REJECTED, CANCELLED),
            PLANNED, EnumSet.of(PLANNED, IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, DONE, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, CANCELLED),
            DONE, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.noneOf(WorkStatus.class),
            REJECTED, EnumSet.noneOf(WorkStatus.class),
            CANCELLED, EnumSet.noneOf(WorkStatus.class)));

    // ------------------------------------------------------------------ the properties

    private static final ch.qos.logback.classic.Logger REPOSITORY_LOG =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.axonframework.modelling.command.AbstractRepository.class);
    private static ch.qos.logback.classic.Level repositoryLevel;

    /** Axon logs every refused creation with its stack trace at WARN; hundreds of expected refusals would bury the report. */
    @BeforeContainer
    static void quietRefusedCreations() {
        repositoryLevel = REPOSITORY_LOG.getLevel();
        REPOSITORY_LOG.setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    @AfterContainer
    static void restoreLogging() {
        REPOSITORY_LOG.setLevel(repositoryLevel);
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE) // the generated numbers are selectors: their edge values mean nothing
    void randomCommandSequencesNeverReachAnIllegalStateAndTheBoardIsTheFoldOfTheEvents(
            @ForAll("scenarios") Scenario scenario, @ForAll long deliverySeed) throws Exception {
        Harness harness = new Harness();
        harness.request(scenario);
        for (Step step : scenario.steps()) {
            harness.run(step);
        }
        harness.checkTheFoldAgreesWithTheModel();
        harness.checkTheBoardIsTheFold(new Random(deliverySeed));

        Model model = harness.model;
        for (WorkStatus status : WorkStatus.values()) {
            Statistics.label("reached " + status).collect(model.visited.contains(status));
        }
        Statistics.label("closed with an override").collect(model.closedWithOverride);
        Statistics.label("overdue raised").collect(model.overdueEvents > 0);
        Statistics.label("refused commands").collect(harness.refused > 0);
        for (String command : List.of("StartWork", "ResumeWork", "CompleteWork")) {
            Statistics.label(command + " refused while blocked").collect(model.refusedWhileBlocked.contains(command));
        }
        Statistics.label("reopened").collect(model.reopened);
        Statistics.label("events").collect(harness.events.size() / 10 * 10);

        // the generator must keep reaching the interesting corners, or the properties say little
        Statistics.label("reached IN_PROGRESS").coverage(c -> c.check(true).percentage(p -> p >= 40));
        Statistics.label("reached ON_HOLD").coverage(c -> c.check(true).percentage(p -> p >= 5));
        Statistics.label("reached CLOSED").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("reached REJECTED").coverage(c -> c.check(true).count(n -> n >= 1));
        Statistics.label("reached CANCELLED").coverage(c -> c.check(true).count(n -> n >= 3));
        Statistics.label("closed with an override").coverage(c -> c.check(true).percentage(p -> p >= 3));
        Statistics.label("overdue raised").coverage(c -> c.check(true).count(n -> n >= 3));
        for (String command : List.of("StartWork", "ResumeWork", "CompleteWork")) {
            Statistics.label(command + " refused while blocked").coverage(c -> c.check(true).count(n -> n >= 3));
        }
        Statistics.label("reopened").coverage(c -> c.check(true).count(n -> n >= 3));
    }

    // ------------------------------------------------------------------ the harness

    /** One try: a fixture, the history it produced and the model that follows it. */
    static final class Harness {

        final AggregateTestFixture<Work> fixture = new AggregateTestFixture<>(Work.class);
        final List<Object> events = new ArrayList<>();
        final List<DomainEventMessage<?>> messages = new ArrayList<>();
        final Model model = new Model();
        final WorkDocument folded = new WorkDocument();
        Instant now = T0;
        int refused;

        Harness() {
            fixture.givenCurrentTime(T0);
        }

        void request(Scenario scenario) {
            for (InvalidRequest invalid : scenario.invalidRequests()) {
                RequestWork command = invalid.spoil(scenario.request().command());
                Outcome outcome = dispatch(command);
                assertThat(outcome.exception()).as("invalid request %s", invalid)
                        .isInstanceOfAny(DomainRuleViolation.class, InvalidValueException.class);
                assertThat(outcome.events()).as("a refused request stores nothing").isEmpty();
                outcome.validator().expectNoScheduledDeadlines();
            }
            RequestWork command = scenario.request().command();
            Outcome outcome = dispatch(command);
            assertThat(outcome.exception()).as("a valid request").isNull();
            List<Class<?>> expected = new ArrayList<>(List.of(WorkRequested.class));
            command.dependsOn().stream().distinct().forEach(p -> expected.add(BlockerRaised.class));
            assertThat(types(outcome.events())).isEqualTo(expected);
            model.requested(command);
            accept(outcome, "anna", command);
        }

        void run(Step generated) {
            Step step = generated.guided() ? model.guide(generated) : generated;
            if (step.kind() == Kind.TIME_PASSES) {
                Instant to = now.plus(Duration.ofHours(1 + step.value()));
                List<Class<?>> expected = model.timePasses(to);
                ResultValidator<Work> result = fixture.given(events).whenTimeAdvancesTo(to);
                now = to;
                Outcome outcome = capture(result);
                assertThat(outcome.exception()).isNull();
                assertThat(types(outcome.events())).as("time passes to %s", to).isEqualTo(expected);
                accept(outcome, null, step);
                return;
            }
            Version version = step.version();
            if (version == Version.STALE && (model.version < 1 || EnumSet.of(Kind.PLAN, Kind.REJECT, Kind.CANCEL).contains(step.kind()))) {
                version = Version.CURRENT; // see the note at the end of this class
            }
            Object command = model.command(step, version);
            Prediction prediction = model.predict(command, version == Version.STALE);
            Outcome outcome = dispatch(command);
            if (!prediction.accepted()) {
                refused++;
                assertThat(outcome.exception()).as("%s must be refused (%s)", command, prediction.why()).isNotNull();
                if (version == Version.STALE) {
                    assertThat(outcome.exception()).isInstanceOfAny(DomainRuleViolation.class, InvalidValueException.class,
                            NotFoundException.class, ConflictingAggregateVersionException.class);
                } else {
                    assertThat(outcome.exception()).as("the refusal of %s", command)
                            .isInstanceOfAny(DomainRuleViolation.class, InvalidValueException.class, NotFoundException.class);
                }
                assertThat(outcome.events()).as("refused %s stores nothing", command).isEmpty();
                checkDeadline(outcome.validator());
                return;
            }
            if (outcome.exception() != null) {
                throw new AssertionError("accepted by the model but refused: " + command, outcome.exception());
            }
            assertThat(types(outcome.events())).as("the events of %s", command).isEqualTo(prediction.events());
            accept(outcome, step.actor(), command);
        }

        private void accept(Outcome outcome, String actor, Object cause) {
            for (Object event : outcome.events()) {
                model.apply(event, cause);
                long sequence = events.size();
                events.add(event);
                Map<String, Object> metaData = new HashMap<>();
                if (actor != null) {
                    metaData.put(CommandMetadata.ACTOR, actor);
                    metaData.put(CommandMetadata.CORRELATION_ID, "corr-" + sequence);
                }
                DomainEventMessage<?> message = new GenericDomainEventMessage<>("Work", WORK, sequence, event, MetaData.from(metaData),
                        "evt-" + sequence, now.plusMillis(sequence));
                messages.add(message);
                WorkFold.apply(folded, event, EventContext.of(message, sequence));
                assertThat(folded.status).as("the fold's status after %s", event).isEqualTo(model.status);
            }
            model.version = events.size() - 1;
            checkDeadline(outcome.validator());
        }

        private void checkDeadline(ResultValidator<Work> validator) {
            if (model.deadline == null) {
                validator.expectNoScheduledDeadlines();
            } else {
                Instant expected = model.deadline;
                validator.expectScheduledDeadline(expected, expected);
                validator.expectNoScheduledDeadlineMatching(new BaseMatcher<DeadlineMessage<?>>() {
                    @Override
                    public boolean matches(Object actual) {
                        return !expected.equals(((DeadlineMessage<?>) actual).getPayload());
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a deadline other than ").appendValue(expected);
                    }
                });
            }
        }

        private Outcome dispatch(Object command) {
            return capture(events.isEmpty() ? fixture.givenNoPriorActivity().when(command) : fixture.given(events).when(command));
        }

        private static Outcome capture(ResultValidator<Work> result) {
            List<Object> produced = new ArrayList<>();
            result.expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
                @Override
                public boolean matches(Object actual) {
                    ((List<?>) actual).forEach(m -> produced.add(((EventMessage<?>) m).getPayload()));
                    return true;
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText("any events");
                }
            });
            Throwable[] thrown = new Throwable[1];
            try {
                result.expectSuccessfulHandlerExecution();
            } catch (AxonAssertionError unexpected) {
                result.expectException(new BaseMatcher<Throwable>() {
                    @Override
                    public boolean matches(Object actual) {
                        thrown[0] = (Throwable) actual;
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("any exception");
                    }
                });
            }
            return new Outcome(produced, thrown[0], result);
        }

        void checkTheFoldAgreesWithTheModel() {
            WorkDocument once = fold(messages);
            assertThat(once.toView(VIEWED_AT)).isEqualTo(folded.toView(VIEWED_AT));
            assertThat(once.status).isEqualTo(model.status);
            assertThat(once.version).isEqualTo(events.size() - 1);
            assertThat(once.blocked).isEqualTo(!model.open.isEmpty());
            assertThat(once.blockers.stream().filter(b -> b.resolvedAt == null).map(b -> b.id).collect(Collectors.toSet()))
                    .isEqualTo(model.open.keySet());
            assertThat(once.dueAt).isEqualTo(model.dueAt);
            assertThat(once.ownerId).isEqualTo(model.ownerId);
            assertThat(once.overdueAt != null).isEqualTo(model.overdueRaised);
            Map<String, Result> results = new HashMap<>();
            once.checklist.stream().filter(c -> c.result != null).forEach(c -> results.put(c.itemId, c.result));
            assertThat(results).isEqualTo(model.results);
            assertThat(once.closedWithOverride).isEqualTo(model.status == CLOSED && model.lastCloseWasOverride);
        }

        void checkTheBoardIsTheFold(Random random) throws Exception {
            CopyingStore store = new CopyingStore();
            AnnotationEventHandlerAdapter board = new AnnotationEventHandlerAdapter(new WorkBoardProjection(store));
            int next = 0;
            while (next < messages.size()) {
                List<DomainEventMessage<?>> batch = messages.subList(next, Math.min(messages.size(), next + 1 + random.nextInt(6)));
                deliver(board, batch);
                if (random.nextInt(4) == 0) {
                    deliver(board, batch); // the processor crashed before storing its token: the batch comes again
                }
                if (random.nextInt(5) == 0) {
                    deliver(board, List.of(messages.get(random.nextInt(next + batch.size())))); // a stray redelivery
                }
                next += batch.size();
            }
            if (random.nextBoolean()) {
                deliver(board, messages); // a full redelivery changes nothing either
            }
            WorkDocument projected = store.find(WORK).orElseThrow();
            WorkDocument once = fold(messages);
            assertThat(projected.toView(VIEWED_AT)).isEqualTo(once.toView(VIEWED_AT));
            JsonNode projectedJson = CopyingStore.JSON.valueToTree(projected);
            JsonNode onceJson = CopyingStore.JSON.valueToTree(once);
            assertThat(projectedJson).as("the whole board document, query fields included").isEqualTo(onceJson);
        }

        private static void deliver(AnnotationEventHandlerAdapter board, List<DomainEventMessage<?>> batch) throws Exception {
            for (DomainEventMessage<?> message : batch) {
                if (!board.canHandle(message)) {
                    fail("the work board has no handler for " + message.getPayloadType().getSimpleName());
                }
                board.handle(message);
            }
        }

        private static WorkDocument fold(List<DomainEventMessage<?>> messages) {
            WorkDocument state = new WorkDocument();
            messages.forEach(m -> WorkFold.apply(state, m.getPayload(), EventContext.of(m, m.getSequenceNumber())));
            return state;
        }

        private static List<Class<?>> types(List<Object> events) {
            return events.stream().<Class<?>>map(Object::getClass).toList();
        }
    }

    record Outcome(List<Object> events, Throwable exception, ResultValidator<Work> validator) {
    }

    record Prediction(boolean accepted, List<Class<?>> events, String why) {

        static Prediction accept(Class<?>... events) {
            return new Prediction(true, List.of(events), null);
        }

        static Prediction refuse(String why) {
            return new Prediction(false, List.of(), why);
        }
    }

    /** A board store that, like MongoDB, hands out and keeps copies (serialized documents), never the same object. */
    static final class CopyingStore implements WorkBoardStore {
        static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        private final Map<String, byte[]> documents = new HashMap<>();

        @Override
        public Optional<WorkDocument> find(String workId) {
            return Optional.ofNullable(documents.get(workId)).map(bytes -> {
                try {
                    return JSON.readValue(bytes, WorkDocument.class);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void save(WorkDocument document) {
            try {
                documents.put(document.id, JSON.writeValueAsBytes(document));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void clear() {
            documents.clear();
        }
    }

    // ------------------------------------------------------------------ the reference model

    /** What the lifecycle says should happen, kept apart from the aggregate's own code. */
    static final class Model {
        WorkStatus status;
        Instant dueAt;
        String ownerId;
        boolean overdueRaised;
        Instant deadline;
        long version = -1;
        final Map<String, ChecklistItemSpec> checklist = new LinkedHashMap<>();
        final Map<String, Result> results = new HashMap<>();
        final Map<String, BlockerType> open = new LinkedHashMap<>();
        final Set<String> resolved = new HashSet<>();
        final List<String> dependencyBlockers = new ArrayList<>();
        final Set<WorkStatus> visited = EnumSet.noneOf(WorkStatus.class);
        boolean closedWithOverride;
        boolean lastCloseWasOverride;
        final Set<String> refusedWhileBlocked = new HashSet<>();
        boolean reopened;
        int overdueEvents;

        void requested(RequestWork command) {
            command.checklist().forEach(item -> checklist.put(item.itemId(), item));
            command.dependsOn().stream().distinct().forEach(p -> dependencyBlockers.add(Blockers.dependencyBlockerId(WORK, p)));
            if (command.dueAt() != null) {
                deadline = command.dueAt();
            }
        }

        /** The step with its command chosen as the lifecycle's next move from the current status. */
        Step guide(Step step) {
            int p = step.pick();
            Kind kind = switch (status) {
                case REQUESTED -> Kind.PLAN;
                case PLANNED -> open.isEmpty() || p % 3 == 0 ? Kind.START : Kind.RESOLVE;
                case IN_PROGRESS -> !open.isEmpty() ? List.of(Kind.COMPLETE, Kind.HOLD, Kind.RESOLVE, Kind.RESOLVE).get(p % 4)
                        : p % 9 == 0 ? Kind.RAISE : !evidenceComplete() && p % 4 != 0 ? Kind.RECORD : p % 5 == 0 ? Kind.HOLD : Kind.COMPLETE;
                case ON_HOLD -> open.isEmpty() || p % 2 == 0 ? Kind.RESUME : Kind.RESOLVE;
                case DONE -> p % 6 == 0 ? Kind.REOPEN : Kind.CLOSE;
                case CLOSED, REJECTED, CANCELLED -> p % 2 == 0 ? Kind.COMMENT : Kind.TIME_PASSES;
            };
            int pick = step.pick();
            if (kind == Kind.RECORD) {
                List<String> ids = new ArrayList<>(checklist.keySet());
                String needed = checklist.values().stream()
                        .filter(i -> i.mandatory() && !results.containsKey(i.itemId()) || results.get(i.itemId()) == Result.FAILED)
                        .map(ChecklistItemSpec::itemId).findFirst().orElse(ids.get(0));
                pick = ids.indexOf(needed);
            }
            return new Step(kind, pick, step.value(), step.flag(), step.flag2(), step.version(), step.actor(), false);
        }

        /** The concrete command a generated step stands for, given what the work looks like now. */
        Object command(Step step, Version versionToName) {
            Long version = switch (versionToName) {
                case NONE -> null;
                case CURRENT -> this.version;
                case STALE -> this.version - 1;
            };
            int pick = step.pick();
            int value = step.value();
            String reason = value % 7 == 0 ? " " : "reason " + value;
            return switch (step.kind()) {
                case PLAN -> {
                    Instant start = T0.plus(Duration.ofHours(pick % 48));
                    Instant end = switch (value % 10) {
                        case 0 -> null;
                        case 1 -> start.minusSeconds(60);
                        default -> start.plus(Duration.ofHours(1 + value % 8));
                    };
                    Instant due = switch (pick % 3) {
                        case 0 -> null;
                        case 1 -> dueAt;
                        default -> T0.plus(Duration.ofHours(1 + value % 150));
                    };
                    List<Assignee> assignees = step.flag() ? List.of(new Assignee(AssigneeType.TEAM, "t-" + pick % 3)) : List.of();
                    yield new PlanWork(WORK, version, start, end, assignees, due);
                }
                case ASSIGN -> {
                    String owner = switch (pick % 5) {
                        case 0 -> null;
                        case 1 -> "o".repeat(101);
                        default -> List.of("olga", "bruno", "ines").get(pick % 3);
                    };
                    yield new AssignWork(WORK, version, owner, List.of(new Assignee(AssigneeType.PERSON, "p-" + value % 4)),
                            step.flag() ? List.of("ines") : null);
                }
                case START -> new StartWork(WORK, version);
                case HOLD -> new HoldWork(WORK, version, reason);
                case RESUME -> new ResumeWork(WORK, version);
                case COMPLETE -> new CompleteWork(WORK, version, step.flag() ? "outcome " + value : null);
                case CLOSE -> new CloseWork(WORK, version, step.flag(), reason, step.flag2());
                case REOPEN -> new ReopenWork(WORK, version, reason);
                case REJECT -> new RejectWork(WORK, version, reason);
                case CANCEL -> new CancelWork(WORK, version, reason);
                case RAISE -> {
                    List<String> ids = new ArrayList<>(MANUAL_BLOCKERS);
                    ids.addAll(dependencyBlockers);
                    BlockerType[] types = BlockerType.values();
                    BlockerType type = value % 13 == 0 ? null : types[value % types.length];
                    yield new RaiseBlocker(WORK, ids.get(pick % ids.size()), type, value % 11 == 0 ? "" : "blocked " + value,
                            step.flag2() ? "ref-" + value : null, step.flag() && pick % 2 == 0);
                }
                case RESOLVE -> {
                    List<String> ids = new ArrayList<>(MANUAL_BLOCKERS);
                    ids.addAll(dependencyBlockers);
                    ids.add("b-unknown");
                    if (!open.isEmpty() && pick % 4 != 0) {
                        ids = new ArrayList<>(open.keySet()); // mostly resolve what is open, so work moves on
                    }
                    yield new ResolveBlocker(WORK, ids.get(pick % ids.size()), step.flag2() ? "note " + value : null,
                            step.flag() && pick % 2 == 0);
                }
                case RECORD -> {
                    List<String> ids = new ArrayList<>(checklist.keySet());
                    ids.add("ghost");
                    String itemId = ids.get(pick % ids.size());
                    ChecklistItemSpec item = checklist.get(itemId);
                    yield new RecordChecklistItem(WORK, version, itemId, item == null ? "1" : valueFor(item, value),
                            step.flag() ? "note" : null);
                }
                case COMMENT -> new AddComment(WORK, "c-" + value + "-" + pick, value % 9 == 0 ? "  " : "comment " + value);
                case TIME_PASSES -> throw new IllegalArgumentException("time is not a command");
            };
        }

        static String valueFor(ChecklistItemSpec item, int value) {
            return switch (item.type()) {
                case CHECK -> List.of("true", "false", "yes", "no", "ok", "nok", " OK ", "Nok", "maybe", "").get(value % 10);
                case NUMBER -> {
                    BigDecimal low = item.min() == null ? BigDecimal.valueOf(-100) : item.min();
                    BigDecimal high = item.max() == null ? BigDecimal.valueOf(100) : item.max();
                    yield List.of(low.toPlainString(), high.toPlainString(), low.subtract(new BigDecimal("0.5")).toPlainString(),
                            high.add(BigDecimal.ONE).toPlainString(), " " + low.add(high).divide(BigDecimal.valueOf(2)).toPlainString() + " ",
                            "abc", "1e1", "-0", "3,5", "").get(value % 10);
                }
                case TEXT -> List.of("fine", "  worn sleeve  ", " ", "x").get(value % 4);
                case CHOICE -> List.of("good", "WORN", "Leaking", "unknown", "").get(value % 5);
            };
        }

        /** Whether the lifecycle accepts the command now, and with which events. */
        Prediction predict(Object command, boolean stale) {
            Prediction prediction = judge(command);
            boolean versioned = !(command instanceof RaiseBlocker || command instanceof ResolveBlocker || command instanceof AddComment);
            if (stale && versioned && prediction.accepted()) {
                return Prediction.refuse("stale expected version");
            }
            if (!prediction.accepted() && prediction.why().startsWith("blocked")) {
                refusedWhileBlocked.add(command.getClass().getSimpleName());
            }
            return prediction;
        }

        private Prediction judge(Object command) {
            if (command instanceof PlanWork c) {
                if (!Set.of(REQUESTED, PLANNED).contains(status)) {
                    return Prediction.refuse("only requested or planned work is planned");
                }
                if (c.plannedStart() == null || c.plannedEnd() == null || !c.plannedStart().isBefore(c.plannedEnd())) {
                    return Prediction.refuse("a planned window starts before it ends");
                }
                return c.dueAt() != null && !c.dueAt().equals(dueAt)
                        ? Prediction.accept(WorkPlanned.class, DueDateChanged.class) : Prediction.accept(WorkPlanned.class);
            }
            if (command instanceof AssignWork c) {
                if (!OPEN.contains(status) && status != DONE) {
                    return Prediction.refuse("ended work is not reassigned");
                }
                if (c.ownerId() != null && c.ownerId().length() > 100) {
                    return Prediction.refuse("owner id too long");
                }
                return Prediction.accept(WorkAssigned.class);
            }
            if (command instanceof StartWork) {
                return status != PLANNED ? Prediction.refuse("only planned work starts")
                        : !open.isEmpty() ? Prediction.refuse("blocked work does not start") : Prediction.accept(WorkStarted.class);
            }
            if (command instanceof HoldWork c) {
                return status != IN_PROGRESS ? Prediction.refuse("only work in progress is held")
                        : blank(c.reason()) ? Prediction.refuse("a hold needs a reason") : Prediction.accept(WorkPutOnHold.class);
            }
            if (command instanceof ResumeWork) {
                return status != ON_HOLD ? Prediction.refuse("only held work resumes")
                        : !open.isEmpty() ? Prediction.refuse("blocked work does not resume") : Prediction.accept(WorkResumed.class);
            }
            if (command instanceof CompleteWork) {
                return status != IN_PROGRESS ? Prediction.refuse("only work in progress completes")
                        : !open.isEmpty() ? Prediction.refuse("blocked work does not complete") : Prediction.accept(WorkCompleted.class);
            }
            if (command instanceof CloseWork c) {
                if (status != DONE) {
                    return Prediction.refuse("only done work closes");
                }
                if (evidenceComplete()) {
                    return Prediction.accept(WorkClosed.class);
                }
                return c.override() && c.overrideAllowed() && !blank(c.overrideReason()) ? Prediction.accept(WorkClosed.class)
                        : Prediction.refuse("evidence missing and no supervisor's override with a reason");
            }
            if (command instanceof ReopenWork c) {
                return status != DONE ? Prediction.refuse("only done work reopens")
                        : blank(c.reason()) ? Prediction.refuse("a reopen needs a reason") : Prediction.accept(WorkReopened.class);
            }
            if (command instanceof RejectWork c) {
                return status != REQUESTED ? Prediction.refuse("only requested work is rejected")
                        : blank(c.reason()) ? Prediction.refuse("a rejection needs a reason") : Prediction.accept(WorkRejected.class);
            }
            if (command instanceof CancelWork c) {
                return !OPEN.contains(status) ? Prediction.refuse("only open work is cancelled")
                        : blank(c.reason()) ? Prediction.refuse("a cancellation needs a reason") : Prediction.accept(WorkCancelled.class);
            }
            if (command instanceof RaiseBlocker c) {
                boolean known = open.containsKey(c.blockerId()) || resolved.contains(c.blockerId());
                if (c.automatic() && (known || !OPEN.contains(status))) {
                    return Prediction.accept();
                }
                if (!OPEN.contains(status)) {
                    return Prediction.refuse("only open work is blocked");
                }
                if (known) {
                    return Prediction.refuse("blocker id already used");
                }
                return c.type() == null || blank(c.reason()) ? Prediction.refuse("a blocker needs a type and a reason")
                        : Prediction.accept(BlockerRaised.class);
            }
            if (command instanceof ResolveBlocker c) {
                if (open.containsKey(c.blockerId())) {
                    return Prediction.accept(BlockerResolved.class);
                }
                return c.automatic() ? Prediction.accept() : Prediction.refuse("no open blocker " + c.blockerId());
            }
            if (command instanceof RecordChecklistItem c) {
                ChecklistItemSpec item = checklist.get(c.itemId());
                if (item == null) {
                    return Prediction.refuse("no such item");
                }
                if (status != IN_PROGRESS) {
                    return Prediction.refuse("the checklist is recorded while in progress");
                }
                return oracle(item, c.value()).isEmpty() ? Prediction.refuse("not a value for this item")
                        : Prediction.accept(ChecklistItemRecorded.class);
            }
            if (command instanceof AddComment c) {
                return blank(c.text()) ? Prediction.refuse("a comment needs text") : Prediction.accept(CommentAdded.class);
            }
            throw new IllegalArgumentException("unknown command " + command);
        }

        /** The deadlines that fire when the clock reaches {@code to}, and what they should raise. */
        List<Class<?>> timePasses(Instant to) {
            if (deadline == null || deadline.isAfter(to)) {
                return List.of();
            }
            Instant due = deadline;
            deadline = null;
            boolean raises = OPEN.contains(status) && due.equals(dueAt) && !overdueRaised;
            return raises ? List.of(WorkOverdue.class) : List.of();
        }

        boolean evidenceComplete() {
            boolean mandatoryRecorded = checklist.values().stream().filter(ChecklistItemSpec::mandatory)
                    .allMatch(i -> results.containsKey(i.itemId()));
            return mandatoryRecorded && !results.containsValue(Result.FAILED);
        }

        /** Checks one produced event against the invariants of the lifecycle, then follows it. */
        void apply(Object event, Object cause) {
            WorkStatus before = status;
            WorkStatus after = event instanceof WorkRequested ? REQUESTED
                    : event instanceof WorkPlanned ? PLANNED
                    : event instanceof WorkStarted || event instanceof WorkResumed || event instanceof WorkReopened ? IN_PROGRESS
                    : event instanceof WorkPutOnHold ? ON_HOLD
                    : event instanceof WorkCompleted ? DONE
                    : event instanceof WorkClosed ? CLOSED
                    : event instanceof WorkRejected ? REJECTED
                    : event instanceof WorkCancelled ? CANCELLED
                    : status;
            assertThat(event).extracting("workId", "siteId").containsExactly(WORK, SITE);
            if (before == null) {
                assertThat(event).as("work begins with its request").isInstanceOf(WorkRequested.class);
            } else if (after != before) {
                assertThat(ALLOWED.get(before)).as("%s → %s by %s", before, after, event.getClass().getSimpleName()).contains(after);
            } else if (event instanceof WorkPlanned) {
                assertThat(ALLOWED.get(before)).as("re-planning %s work", before).contains(PLANNED);
            }
            if (event instanceof WorkStarted) {
                assertThat(open).as("blocked work never starts").isEmpty();
            } else if (event instanceof WorkResumed) {
                assertThat(open).as("blocked work never resumes").isEmpty();
            } else if (event instanceof WorkCompleted) {
                assertThat(open).as("blocked work never completes").isEmpty();
            } else if (event instanceof WorkClosed e) {
                if (e.override()) {
                    assertThat(evidenceComplete()).as("an override is recorded only when evidence is missing").isFalse();
                    assertThat(cause).isInstanceOfSatisfying(CloseWork.class, c -> {
                        assertThat(c.overrideAllowed()).as("only a supervisor overrides").isTrue();
                        assertThat(c.overrideReason()).as("an override has a reason").isNotBlank();
                    });
                    assertThat(e.overrideReason()).isNotBlank();
                    closedWithOverride = true;
                } else {
                    assertThat(evidenceComplete()).as("closed work has its mandatory items recorded and passed").isTrue();
                }
                lastCloseWasOverride = e.override();
            } else if (event instanceof DueDateChanged e) {
                assertThat(e.dueAt()).isNotEqualTo(dueAt);
                dueAt = e.dueAt();
                overdueRaised = false;
                deadline = e.dueAt();
            } else if (event instanceof WorkAssigned e) {
                ownerId = e.ownerId();
            } else if (event instanceof WorkReopened) {
                reopened = true;
            } else if (event instanceof WorkRejected || event instanceof WorkCancelled) {
                deadline = null;
            } else if (event instanceof WorkRequested e) {
                dueAt = e.dueAt();
                ownerId = e.ownerId();
            } else if (event instanceof BlockerRaised e) {
                assertThat(OPEN).as("only open work is blocked").contains(status);
                assertThat(open.containsKey(e.blockerId()) || resolved.contains(e.blockerId())).as("a new blocker").isFalse();
                open.put(e.blockerId(), e.type());
            } else if (event instanceof BlockerResolved e) {
                assertThat(open).as("only an open blocker is resolved").containsKey(e.blockerId());
                assertThat(e.type()).isEqualTo(open.get(e.blockerId()));
                open.remove(e.blockerId());
                resolved.add(e.blockerId());
            } else if (event instanceof ChecklistItemRecorded e) {
                assertThat(status).as("the checklist is recorded while in progress").isEqualTo(IN_PROGRESS);
                RecordChecklistItem c = (RecordChecklistItem) cause;
                ChecklistItemSpec item = checklist.get(e.itemId());
                assertThat(e.result()).as("%s recorded as %s", item, c.value()).isEqualTo(oracle(item, c.value()).orElseThrow());
                assertThat(e.label()).isEqualTo(item.label());
                assertThat(e.raiseFinding()).isEqualTo(item.raiseFinding());
                results.put(e.itemId(), e.result());
            } else if (event instanceof WorkOverdue e) {
                assertThat(OPEN).as("only open work becomes overdue").contains(status);
                assertThat(e.dueAt()).isEqualTo(dueAt);
                assertThat(e.ownerId()).isEqualTo(ownerId);
                assertThat(overdueRaised).as("overdue once per due date").isFalse();
                overdueRaised = true;
                overdueEvents++;
            }
            status = after;
            visited.add(after);
        }

        /** An independent judge of checklist values: empty when the value is not acceptable for the item. */
        static Optional<Result> oracle(ChecklistItemSpec item, String raw) {
            if (blank(raw)) {
                return Optional.empty();
            }
            String value = raw.strip();
            switch (item.type()) {
                case CHECK -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (Set.of("true", "yes", "ok").contains(v)) {
                        return Optional.of(Result.PASSED);
                    }
                    return Set.of("false", "no", "nok").contains(v) ? Optional.of(Result.FAILED) : Optional.empty();
                }
                case NUMBER -> {
                    if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
                        return Optional.empty();
                    }
                    BigDecimal reading = new BigDecimal(value);
                    boolean ok = (item.min() == null || reading.compareTo(item.min()) >= 0)
                            && (item.max() == null || reading.compareTo(item.max()) <= 0);
                    return Optional.of(ok ? Result.PASSED : Result.FAILED);
                }
                case TEXT -> {
                    return Optional.of(Result.RECORDED);
                }
                case CHOICE -> {
                    Optional<String> option = item.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst();
                    return option.map(o -> item.failingOptions().stream().anyMatch(f -> f.equalsIgnoreCase(o)) ? Result.FAILED : Result.PASSED);
                }
                default -> throw new IllegalArgumentException(item.type().name());
            }
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    // ------------------------------------------------------------------ what is generated

    enum Kind {
        PLAN, ASSIGN, START, HOLD, RESUME, COMPLETE, CLOSE, REOPEN, REJECT, CANCEL, RAISE, RESOLVE, RECORD, COMMENT, TIME_PASSES
    }

    /** How a command names the version it acts on (If-Match): not at all, the current one, or a stale one. */
    enum Version {
        NONE, CURRENT, STALE
    }

    /** A generated step: what to do, and numbers and flags from which the command's arguments are picked. */
    /**
     * A generated step: what to do, and numbers and flags from which the command's arguments are picked.
     * A guided step leaves the choice of command to {@link Model#guide} (the next move of the lifecycle
     * from where the work is), so that sequences get past planning; its arguments stay random.
     */
    record Step(Kind kind, int pick, int value, boolean flag, boolean flag2, Version version, String actor, boolean guided) {
    }

    record ItemGen(ChecklistItemType type, boolean mandatory, Integer min, Integer span, int failing, boolean raiseFinding) {

        ChecklistItemSpec spec(int index) {
            String id = "i" + index;
            return switch (type) {
                case NUMBER -> new ChecklistItemSpec(id, "Reading " + index, type, mandatory, "bar",
                        min == null ? null : BigDecimal.valueOf(min),
                        span == null ? null : BigDecimal.valueOf(min == null ? 0 : min).add(BigDecimal.valueOf(span)),
                        null, null, raiseFinding);
                case CHOICE -> new ChecklistItemSpec(id, "Condition " + index, type, mandatory, null, null, null, CHOICES,
                        CHOICES.subList(CHOICES.size() - failing, CHOICES.size()), raiseFinding);
                default -> new ChecklistItemSpec(id, type.name().toLowerCase(Locale.ROOT) + " " + index, type, mandatory, null, null, null,
                        null, null, raiseFinding);
            };
        }
    }

    record RequestSpec(List<ItemGen> items, List<String> dependsOn, Integer dueInHours, String owner) {

        RequestWork command() {
            List<ChecklistItemSpec> checklist = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                checklist.add(items.get(i).spec(i));
            }
            return new RequestWork(WORK, SITE, WorkKind.MAINTENANCE_PREVENTIVE, "Service pump P-101", "Quarterly service", Priority.MEDIUM,
                    owner, dueInHours == null ? null : T0.plus(Duration.ofHours(dueInHours)), null, null, List.of("a-1"),
                    List.of(), dependsOn, null, checklist, List.of(), List.of(), null);
        }
    }

    /** Ways a request can be wrong; each must be refused and store nothing. */
    enum InvalidRequest {
        BLANK_TITLE, NO_KIND, NO_PRIORITY, NO_SITE, DEPENDS_ON_ITSELF, INVERTED_WINDOW, DUPLICATE_ITEM, MIN_ABOVE_MAX, DOCUMENT_WITHOUT_URL;

        RequestWork spoil(RequestWork c) {
            ChecklistItemSpec item = new ChecklistItemSpec("x", "X", ChecklistItemType.NUMBER, true, null, BigDecimal.TEN, BigDecimal.ONE,
                    null, null, false);
            ChecklistItemSpec text = new ChecklistItemSpec("t", "T", ChecklistItemType.TEXT, false, null, null, null, null, null, false);
            return switch (this) {
                case BLANK_TITLE -> new RequestWork(c.workId(), c.siteId(), c.kind(), "   ", c.description(), c.priority(), c.ownerId(),
                        c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(), c.contractorId(),
                        c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case NO_KIND -> new RequestWork(c.workId(), c.siteId(), null, c.title(), c.description(), c.priority(), c.ownerId(),
                        c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(), c.contractorId(),
                        c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case NO_PRIORITY -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), null, c.ownerId(),
                        c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(), c.contractorId(),
                        c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case NO_SITE -> new RequestWork(c.workId(), null, c.kind(), c.title(), c.description(), c.priority(), c.ownerId(),
                        c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(), c.contractorId(),
                        c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case DEPENDS_ON_ITSELF -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), c.priority(),
                        c.ownerId(), c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), List.of(WORK),
                        c.contractorId(), c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case INVERTED_WINDOW -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), c.priority(),
                        c.ownerId(), c.dueAt(), T0.plusSeconds(7200), T0.plusSeconds(3600), c.assetIds(), c.requiredPermitTypes(),
                        c.dependsOn(), c.contractorId(), c.checklist(), c.watchers(), c.documents(), c.originWorkId());
                case DUPLICATE_ITEM -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), c.priority(),
                        c.ownerId(), c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(),
                        c.contractorId(), List.of(text, text), c.watchers(), c.documents(), c.originWorkId());
                case MIN_ABOVE_MAX -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), c.priority(),
                        c.ownerId(), c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(),
                        c.contractorId(), List.of(item), c.watchers(), c.documents(), c.originWorkId());
                case DOCUMENT_WITHOUT_URL -> new RequestWork(c.workId(), c.siteId(), c.kind(), c.title(), c.description(), c.priority(),
                        c.ownerId(), c.dueAt(), c.plannedStart(), c.plannedEnd(), c.assetIds(), c.requiredPermitTypes(), c.dependsOn(),
                        c.contractorId(), c.checklist(), c.watchers(), List.of(new DocumentRef("Drawing", "")), c.originWorkId());
            };
        }
    }

    record Scenario(RequestSpec request, List<InvalidRequest> invalidRequests, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(requests(), Arbitraries.of(InvalidRequest.class).list().ofMaxSize(2), steps().list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform()))
                .as(Scenario::new);
    }

    Arbitrary<RequestSpec> requests() {
        Arbitrary<ItemGen> item = Combinators.combine(
                Arbitraries.of(ChecklistItemType.class),
                Arbitraries.of(true, true, false),
                Arbitraries.integers().between(-10, 20).injectNull(0.3),
                Arbitraries.integers().between(0, 30).injectNull(0.3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false)).as(ItemGen::new);
        return Combinators.combine(
                item.list().ofMaxSize(4),
                Arbitraries.of(PREDECESSORS).list().ofMaxSize(3).withSizeDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(1, 150).injectNull(0.25),
                Arbitraries.of("olga", "bruno").injectNull(0.3)).as(RequestSpec::new);
    }

    Arbitrary<Step> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(9, Kind.PLAN), net.jqwik.api.Tuple.of(3, Kind.ASSIGN), net.jqwik.api.Tuple.of(9, Kind.START),
                net.jqwik.api.Tuple.of(4, Kind.HOLD), net.jqwik.api.Tuple.of(4, Kind.RESUME), net.jqwik.api.Tuple.of(8, Kind.COMPLETE),
                net.jqwik.api.Tuple.of(7, Kind.CLOSE), net.jqwik.api.Tuple.of(3, Kind.REOPEN), net.jqwik.api.Tuple.of(2, Kind.REJECT),
                net.jqwik.api.Tuple.of(1, Kind.CANCEL), net.jqwik.api.Tuple.of(4, Kind.RAISE), net.jqwik.api.Tuple.of(8, Kind.RESOLVE),
                net.jqwik.api.Tuple.of(12, Kind.RECORD), net.jqwik.api.Tuple.of(2, Kind.COMMENT), net.jqwik.api.Tuple.of(4, Kind.TIME_PASSES));
        Arbitrary<Version> versions = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, Version.NONE), net.jqwik.api.Tuple.of(3, Version.CURRENT), net.jqwik.api.Tuple.of(1, Version.STALE));
        Arbitrary<Integer> selector = Arbitraries.integers().between(0, 99).withDistribution(RandomDistribution.uniform());
        return Combinators.combine(kinds, selector, selector,
                Arbitraries.of(true, false), Arbitraries.of(true, false), versions, Arbitraries.of("anna", "bruno", "olga"),
                Arbitraries.of(true, false)).as(Step::new);
    }

    // The stub deadline manager schedules and cancels at once, not when the unit of work commits, so a
    // command whose stale version is only detected at commit would leave deadline changes behind that
    // Axon's real managers never make. Stale versions are therefore sent only with commands that touch
    // no deadline (see Harness.run).
}
