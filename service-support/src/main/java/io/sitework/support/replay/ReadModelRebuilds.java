package io.sitework.support.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.replay.ReplayProgress.State;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.io.Flushable;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds a read model from the event store into a new collection while the live one keeps serving,
 * then hands over: every instance pauses the live processor, the rebuild drains to the head, the pointer
 * switches, the processor resumes from the rebuild's token on the new collection and the old one is
 * dropped once no instance can still be reading it. Only the read model's own handlers run, so nothing
 * is re-published or re-decided. A failure leaves the old collection active. One rebuild per read model
 * at a time, across all instances, on a thread of its own.
 *
 * <p>Instances meet at the read model's pointer ({@link ReadModelCollections}): the rebuilding instance
 * keeps a heartbeat and its progress there (so any instance answers the progress), and sets the
 * switching phase; every other instance polls the pointer and pauses its processor while the phase
 * lasts. The rebuilder then claims every segment's token itself — the proof that no other instance still
 * processes — before it moves the tokens. A rebuilder that dies stops its heartbeat; the others resume
 * after {@link Settings#staleAfter()}, and the next rebuild drops what it left (ADR 0009).
 */
public class ReadModelRebuilds {

    /** How many events a rebuild folds between two flushes of a projection that writes behind. */
    public static final int FLUSH_EVERY = 500;


    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);

    /**
     * @param switchDistance       how close to the head (in events) the rebuild gets before the processors pause
     * @param maxEventsPerSecond   a ceiling that spares the databases on a large history; 0 = as fast as they go
     * @param dropDelay            how long the replaced collection is kept for instances that cached the old pointer
     * @param staleAfter           a rebuild whose instance showed no heartbeat for this long has died with it
     * @param claimWait            how long the hand-over waits for the other instances to release their segments
     * @param coordinationInterval how often each instance looks at the pointers for a hand-over by another one
     */
    public record Settings(long switchDistance, double maxEventsPerSecond, Duration dropDelay, Duration staleAfter,
                           Duration claimWait, Duration coordinationInterval) {

        public Settings(long switchDistance, double maxEventsPerSecond) {
            this(switchDistance, maxEventsPerSecond, ReadModelCollections.CACHE_FOR.multipliedBy(2), Duration.ofSeconds(30),
                    Duration.ofSeconds(20), Duration.ofSeconds(1));
        }
    }

    private final Map<String, ReplayableProjection> projections = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Set<String> pausedForPeer = ConcurrentHashMap.newKeySet();
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    private final Clock clock;
    private final Settings settings;
    private final String instance;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-coordination");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    public ReadModelRebuilds(List<ReplayableProjection> projections, EventStore eventStore, EventProcessingConfiguration processing,
                             TokenStore tokenStore, TransactionManager transactions, MongoTemplate mongo,
                             ReadModelCollections collections, Clock clock, Settings settings, MeterRegistry meters,
                             String instance) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.mongo = mongo;
        this.collections = collections;
        this.clock = clock;
        this.settings = settings;
        this.instance = instance;
        for (ReplayableProjection projection : projections) {
            String name = projection.processingGroup();
            this.projections.put(name, projection);
            Run run = new Run(name);
            runs.put(name, run);
            if (meters != null) {
                Gauge.builder("sitework.replay.events.done", run, r -> r.done.get()).tag("projection", name)
                        .description("Events applied by the current or last rebuild of the read model").register(meters);
                Gauge.builder("sitework.replay.events.rate", run, r -> r.rate(clock.instant())).tag("projection", name)
                        .description("Events per second of the current or last rebuild of the read model").register(meters);
                Gauge.builder("sitework.replay.seconds.left", run, r -> r.secondsLeft(clock.instant())).tag("projection", name)
                        .description("Estimated seconds left of the running rebuild of the read model (0 when none runs)")
                        .register(meters);
            }
        }
        long every = settings.coordinationInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::coordinate, every, every, TimeUnit.MILLISECONDS);
    }

    /** This instance's name in the pointers: the same as in its token claims ({@code SITEWORK_INSTANCE_ID}). */
    public String instance() {
        return instance;
    }

    /** The running rebuild's progress wherever it runs, else how the last one ended (kept across restarts). */
    public ReplayProgress progress(String projection) {
        Run run = run(projection);
        State local = run.state;
        if (local == State.RUNNING || local == State.SWITCHING) {
            return run.progress(clock.instant());
        }
        ReadModelCollections.Pointer pointer = collections.pointer(projection, projections.get(projection).initialCollection());
        if (pointer.progress() == null) {
            return run.progress(clock.instant());
        }
        return stored(projection, pointer);
    }

    private ReplayProgress stored(String projection, ReadModelCollections.Pointer pointer) {
        Document p = pointer.progress();
        State state = State.valueOf(p.getString("state"));
        String error = p.getString("error");
        Long left = p.get("secondsLeft", Number.class) == null ? null : p.get("secondsLeft", Number.class).longValue();
        Instant finished = instant(p.get("finishedAt", Date.class));
        if ((state == State.RUNNING || state == State.SWITCHING) && !pointer.alive(clock.instant(), settings.staleAfter())) {
            state = State.FAILED;
            error = "the instance running it (" + pointer.rebuilder() + ") stopped";
            left = null;
            finished = pointer.heartbeat();
        }
        return new ReplayProgress(projection, state, instant(p.get("startedAt", Date.class)), finished,
                number(p, "eventsDone"), number(p, "eventsTotal"), p.get("eventsPerSecond", Number.class).doubleValue(), left,
                pointer.active(), pointer.building(), error, p.getString("instance"));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * Starts a rebuild and answers at once.
     *
     * @throws DomainRuleViolation when one is already under way, here or on another instance
     */
    public ReplayProgress start(String name) {
        Run run = run(name);
        ReplayableProjection projection = projections.get(name);
        synchronized (run) {
            if (run.state == State.RUNNING || run.state == State.SWITCHING) {
                throw new DomainRuleViolation("replay-running", "A rebuild of " + name + " is already running");
            }
            ReadModelCollections.Pointer stale = collections.pointer(name, projection.initialCollection());
            if (stale.building() != null) {
                if (stale.alive(clock.instant(), settings.staleAfter()) && !instance.equals(stale.rebuilder())) {
                    throw new DomainRuleViolation("replay-running",
                            "A rebuild of " + name + " is already running on another instance (" + stale.rebuilder() + ")");
                }
                // a rebuild that died with its instance
                log.warn("Dropping {}, left by an interrupted rebuild of {} on {}", stale.building(), name, stale.rebuilder());
                drop(stale.building());
                collections.abandon(name, stale.building());
            }
            dropOrphans(projection, stale.active());
            ReadModelCollections.Pointer pointer = collections.startBuilding(name, projection.initialCollection(), instance);
            run.begin(pointer, clock.instant(), headIndex());
            collections.heartbeat(name, run.building, run.snapshot(clock.instant()));
        }
        executor.submit(() -> rebuild(run, projection));
        return run.progress(clock.instant());
    }

    /** Collections of earlier generations whose delayed drop did not happen (the instance stopped first). */
    private void dropOrphans(ReplayableProjection projection, String active) {
        Pattern generation = Pattern.compile(Pattern.quote(projection.initialCollection()) + "_\\d+");
        for (String collection : mongo.getCollectionNames()) {
            if (generation.matcher(collection).matches() && !collection.equals(active)) {
                log.info("Dropping {}, an earlier generation of {}", collection, projection.processingGroup());
                drop(collection);
            }
        }
    }

    private Run run(String projection) {
        Run run = runs.get(projection);
        if (run == null) {
            throw new NotFoundException("No read model " + projection + " can be rebuilt here (known: " + runs.keySet() + ")");
        }
        return run;
    }

    private long headIndex() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private void rebuild(Run run, ReplayableProjection projection) {
        String name = projection.processingGroup();
        String target = run.building;
        StreamingEventProcessor processor = processor(name);
        boolean paused = false;
        boolean switched = false;
        try {
            drop(target);
            projection.prepare(target);
            Object handlerObject = projection.handlerWritingTo(target);
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(handlerObject);
            Flushable writes = handlerObject instanceof Flushable flushable ? flushable : () -> { };
            TrackingToken last = null;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                long head = headIndex();
                while (true) {
                    stopIfClosing();
                    if (head - position(last) <= settings.switchDistance()) {
                        head = headIndex();
                        if (head - position(last) <= settings.switchDistance()) {
                            break;
                        }
                    }
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        head = headIndex();
                        beat(run);
                        continue;
                    }
                    last = apply(run, handler, stream.nextAvailable());
                    if (run.done.get() % FLUSH_EVERY == 0) {
                        writes.flush();
                        head = headIndex();
                    }
                }
                writes.flush();
                run.state = State.SWITCHING;
                collections.beginSwitch(name, target);
                beat(run);
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                paused = true;
                claimEverySegment(run, name);
                // events stored from here on are the resumed processors'; those up to the head are the rebuild's
                head = headIndex();
                while (position(last) < head && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    last = apply(run, handler, stream.nextAvailable());
                }
                // everything the rebuild folded is written before the board switches to it
                writes.flush();
            }
            // switch first: should the hand-over fail, the processors re-apply a few events, which the fold skips
            collections.switchTo(name, target);
            switched = true;
            if (last != null) {
                handOver(name, last);
            }
            processor.start();
            paused = false;
            String old = run.active;
            run.active = target;
            run.building = null;
            dropLater(old);
            run.finish(State.DONE, clock.instant(), null);
            collections.recordEnd(name, run.snapshot(clock.instant()));
            log.info("Rebuilt {} into {} ({} events); {} is dropped in {}", name, target, run.done.get(), old, settings.dropDelay());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuild of {} into {} failed", name, target, e);
            if (!switched) {
                try {
                    drop(target);
                    collections.abandon(name, target);
                } catch (RuntimeException cleanup) {
                    log.warn("Could not clean up the abandoned collection {}: {}", target, cleanup.getMessage());
                }
                run.building = null;
            }
            if (paused && !closing) {
                processor.start();
            }
            run.finish(State.FAILED, clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            try {
                collections.recordEnd(name, run.snapshot(clock.instant()));
            } catch (RuntimeException unrecorded) {
                log.warn("Could not record the failed rebuild of {}: {}", name, unrecorded.getMessage());
            }
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    /**
     * Claims every segment's token for this instance: possible only once every other instance paused its
     * processor (a paused processor releases its claims; a dead one's claims time out).
     */
    private void claimEverySegment(Run run, String name) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.claimWait());
        int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        for (int segment : segments) {
            while (true) {
                stopIfClosing();
                try {
                    transactions.executeInTransaction(() -> tokenStore.fetchToken(name, segment));
                    break;
                } catch (UnableToClaimTokenException held) {
                    if (clock.instant().isAfter(deadline)) {
                        throw new IllegalStateException("segment " + segment + " of " + name + " is still held by another instance after "
                                + settings.claimWait() + " (is an instance without this version running?)");
                    }
                    beat(run);
                    Thread.sleep(200);
                }
            }
        }
    }

    private void dropLater(String collection) {
        if (settings.dropDelay().isZero()) {
            drop(collection);
            return;
        }
        scheduler.schedule(() -> {
            try {
                drop(collection);
            } catch (RuntimeException e) {
                log.warn("Could not drop the replaced collection {}: {}", collection, e.getMessage());
            }
        }, settings.dropDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drop(String collection) {
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    private void stopIfClosing() {
        if (closing || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the service is stopping");
        }
    }

    private TrackingToken apply(Run run, AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) throws Exception {
        stopIfClosing();
        if (handler.canHandle(event)) {
            handler.handle(event);
        }
        long done = run.done.incrementAndGet();
        pace(run, done);
        if (!clock.instant().isBefore(run.nextBeat)) {
            beat(run);
        }
        return event.trackingToken();
    }

    /** Shows every instance this rebuild's progress, and that it is alive. */
    private void beat(Run run) {
        Instant now = clock.instant();
        run.nextBeat = now.plus(HEARTBEAT_EVERY);
        collections.heartbeat(run.name, run.building, run.snapshot(now));
    }

    /** Keeps under the configured ceiling of events per second. */
    private void pace(Run run, long done) throws InterruptedException {
        if (settings.maxEventsPerSecond() <= 0) {
            return;
        }
        long dueMillis = (long) (done * 1000 / settings.maxEventsPerSecond());
        long elapsedMillis = Duration.between(run.startedAt, clock.instant()).toMillis();
        if (dueMillis > elapsedMillis) {
            Thread.sleep(dueMillis - elapsedMillis);
        }
    }

    /** The live processors continue from where the rebuild stopped, on every segment (claimed here, then released). */
    private void handOver(String name, TrackingToken last) {
        transactions.executeInTransaction(() -> {
            int[] segments = tokenStore.fetchSegments(name);
            if (segments.length == 0) {
                tokenStore.initializeTokenSegments(name, 1, last);
                return;
            }
            for (int segment : segments) {
                tokenStore.storeToken(last, name, segment);
                tokenStore.releaseClaim(name, segment);
            }
        });
    }

    /**
     * Pauses this instance's processor of a read model while another instance hands a rebuild over, and
     * resumes it when the hand-over is done or its instance stopped showing a heartbeat.
     */
    void coordinate() {
        if (closing) {
            return;
        }
        for (ReplayableProjection projection : projections.values()) {
            String name = projection.processingGroup();
            try {
                ReadModelCollections.Pointer pointer = collections.pointer(name, projection.initialCollection());
                boolean peerSwitching = ReadModelCollections.SWITCHING.equals(pointer.phase())
                        && !instance.equals(pointer.rebuilder())
                        && pointer.alive(clock.instant(), settings.staleAfter());
                if (peerSwitching && pausedForPeer.add(name)) {
                    log.info("Pausing {} while {} hands over its rebuild", name, pointer.rebuilder());
                    processor(name).shutdownAsync().get(60, TimeUnit.SECONDS);
                } else if (!peerSwitching && pausedForPeer.remove(name)) {
                    log.info("Resuming {} after the hand-over by {}", name, pointer.rebuilder());
                    processor(name).start();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Could not coordinate {} with other instances: {}", name, e.getMessage());
            }
        }
    }

    /** Stops a running rebuild when the service stops; it ends FAILED and leaves the old collection active. */
    public void close() {
        closing = true;
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** The mutable state of one read model's rebuilds on this instance. */
    private final class Run {
        private final String name;
        private final AtomicLong done = new AtomicLong();
        private volatile State state = State.IDLE;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile Instant nextBeat = Instant.MIN;
        private volatile long total;
        private volatile String active;
        private volatile String building;
        private volatile String error;

        Run(String name) {
            this.name = name;
        }

        void begin(ReadModelCollections.Pointer pointer, Instant now, long head) {
            state = State.RUNNING;
            startedAt = now;
            finishedAt = null;
            nextBeat = now.plus(HEARTBEAT_EVERY);
            total = head;
            active = pointer.active();
            building = pointer.building();
            error = null;
            done.set(0);
        }

        void finish(State end, Instant now, String failure) {
            finishedAt = now;
            error = failure;
            state = end;
        }

        double rate(Instant now) {
            if (startedAt == null) {
                return 0;
            }
            Instant end = finishedAt == null ? now : finishedAt;
            double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
            return done.get() / seconds;
        }

        Long estimatedSecondsLeft(Instant now) {
            double rate = rate(now);
            if (state != State.RUNNING || rate <= 0) {
                return null;
            }
            return (long) Math.ceil(Math.max(0, total - done.get()) / rate);
        }

        double secondsLeft(Instant now) {
            Long left = estimatedSecondsLeft(now);
            return left == null ? 0 : left;
        }

        ReplayProgress progress(Instant now) {
            State current = state;
            String shownActive = active;
            String shownBuilding = building;
            if (current == State.IDLE) {
                ReplayableProjection projection = projections.get(name);
                ReadModelCollections.Pointer pointer = collections.pointer(name, projection.initialCollection());
                shownActive = pointer.active();
                shownBuilding = pointer.building();
            }
            return new ReplayProgress(name, current, startedAt, finishedAt, done.get(), total, Math.round(rate(now) * 10) / 10.0,
                    estimatedSecondsLeft(now), shownActive, shownBuilding, error, current == State.IDLE ? null : instance);
        }

        Document snapshot(Instant now) {
            return new Document("state", state.name())
                    .append("startedAt", startedAt == null ? null : Date.from(startedAt))
                    .append("finishedAt", finishedAt == null ? null : Date.from(finishedAt))
                    .append("eventsDone", done.get())
                    .append("eventsTotal", total)
                    .append("eventsPerSecond", Math.round(rate(now) * 10) / 10.0)
                    .append("secondsLeft", estimatedSecondsLeft(now))
                    .append("error", error)
                    .append("instance", instance);
        }
    }
}
