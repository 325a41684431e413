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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds a read model from the event store into a new collection while the live one keeps serving,
 * then hands over: the live processor pauses, the rebuild drains to the head, the pointer switches,
 * the processor resumes from the rebuild's token on the new collection and the old one is dropped.
 * Only the read model's own handlers run, so nothing is re-published or re-decided. A failure leaves
 * the old collection active. One rebuild per read model at a time, on a thread of its own.
 */
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    /**
     * @param switchDistance      how close to the head (in events) the rebuild gets before the live processor pauses
     * @param maxEventsPerSecond  a ceiling that spares the databases on a large history; 0 = as fast as they go
     */
    public record Settings(long switchDistance, double maxEventsPerSecond) {
    }

    private final Map<String, ReplayableProjection> projections = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final MongoTemplate mongo;
    private final ReadModelCollections collections;
    private final Clock clock;
    private final Settings settings;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    public ReadModelRebuilds(List<ReplayableProjection> projections, EventStore eventStore, EventProcessingConfiguration processing,
                             TokenStore tokenStore, TransactionManager transactions, MongoTemplate mongo,
                             ReadModelCollections collections, Clock clock, Settings settings, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.mongo = mongo;
        this.collections = collections;
        this.clock = clock;
        this.settings = settings;
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
            }
        }
    }

    public ReplayProgress progress(String projection) {
        return run(projection).progress(clock.instant());
    }

    /**
     * Starts a rebuild and answers at once.
     *
     * @throws DomainRuleViolation when one is already under way
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
                // a rebuild that died with its instance (rebuilds run on the instance asked, see ADR 0009)
                log.warn("Dropping {}, left by an interrupted rebuild of {}", stale.building(), name);
                drop(stale.building());
                collections.abandon(name, stale.building());
            }
            ReadModelCollections.Pointer pointer = collections.startBuilding(name, projection.initialCollection());
            run.begin(pointer, clock.instant(), headIndex());
        }
        executor.submit(() -> rebuild(run, projection));
        return run.progress(clock.instant());
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
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
        boolean paused = false;
        boolean switched = false;
        try {
            drop(target);
            projection.prepare(target);
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection.handlerWritingTo(target));
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
                        continue;
                    }
                    last = apply(run, handler, stream.nextAvailable());
                    if (run.done.get() % 500 == 0) {
                        head = headIndex();
                    }
                }
                run.state = State.SWITCHING;
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                paused = true;
                // events stored from here on are the resumed processor's; those up to the head are the rebuild's
                head = headIndex();
                while (position(last) < head && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    last = apply(run, handler, stream.nextAvailable());
                }
            }
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
            drop(old);
            run.finish(State.DONE, clock.instant(), null);
            log.info("Rebuilt {} into {} ({} events); dropped {}", name, target, run.done.get(), old);
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
        }
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
        return event.trackingToken();
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

    /** The live processor continues from where the rebuild stopped, on every segment it has. */
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

    /** Stops a running rebuild when the service stops; it ends FAILED and leaves the old collection active. */
    public void close() {
        closing = true;
        executor.shutdownNow();
    }

    /** The mutable state of one read model's rebuilds. */
    private final class Run {
        private final String name;
        private final AtomicLong done = new AtomicLong();
        private volatile State state = State.IDLE;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
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

        ReplayProgress progress(Instant now) {
            State current = state;
            double rate = rate(now);
            Long left = null;
            if (current == State.RUNNING && rate > 0) {
                left = (long) Math.ceil(Math.max(0, total - done.get()) / rate);
            }
            String shownActive = active;
            String shownBuilding = building;
            if (current == State.IDLE) {
                ReplayableProjection projection = projections.get(name);
                ReadModelCollections.Pointer pointer = collections.pointer(name, projection.initialCollection());
                shownActive = pointer.active();
                shownBuilding = pointer.building();
            }
            return new ReplayProgress(name, current, startedAt, finishedAt, done.get(), total, Math.round(rate * 10) / 10.0,
                    left, shownActive, shownBuilding, error);
        }
    }
}
