package io.sitework.support.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.replay.ReplayProgress.State;
import io.sitework.support.test.TestInfrastructure;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A rebuild against a real MongoDB endpoint with a scripted event store and processor: the hand-over
 * in order (pause, switch, tokens, resume, drop), and a failure that leaves the old collection active.
 */
class ReadModelRebuildsIT {

    private MongoClient client;
    private MongoTemplate mongo;
    private ReadModelCollections collections;
    private final EventStore eventStore = mock(EventStore.class);
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final TokenStore tokenStore = mock(TokenStore.class);
    private ReadModelRebuilds rebuilds;

    /** Records each payload as a document; "poison" cannot be applied. */
    static class Things {
        private final MongoTemplate mongo;
        private final String collection;

        Things(MongoTemplate mongo, String collection) {
            this.mongo = mongo;
            this.collection = collection;
        }

        @EventHandler
        void on(String payload) {
            if (payload.equals("poison")) {
                throw new IllegalArgumentException("cannot apply poison");
            }
            mongo.save(new Document("_id", payload), collection);
        }
    }

    private final ReplayableProjection things = new ReplayableProjection() {
        @Override
        public String processingGroup() {
            return "things";
        }

        @Override
        public String initialCollection() {
            return "things";
        }

        @Override
        public void prepare(String collection) {
            mongo.createCollection(collection);
        }

        @Override
        public Object handlerWritingTo(String collection) {
            return new Things(mongo, collection);
        }
    };

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        mongo = new MongoTemplate(client, "sw_rebuilds_" + UUID.randomUUID().toString().substring(0, 8));
        collections = new ReadModelCollections(mongo, Clock.systemUTC());
        when(processing.eventProcessor("things", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        when(tokenStore.fetchSegments("things")).thenReturn(new int[]{0, 1});
        rebuilds = new ReadModelRebuilds(List.of(things), eventStore, processing, tokenStore, NoTransactionManager.INSTANCE, mongo,
                collections, Clock.systemUTC(), settings(), new SimpleMeterRegistry(), "instance-1");
        mongo.save(new Document("_id", "stale"), "things");
    }

    private static ReadModelRebuilds.Settings settings() {
        return new ReadModelRebuilds.Settings(2, 0, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100));
    }

    @AfterEach
    void tearDown() {
        rebuilds.close();
        if (peer != null) {
            peer.close();
        }
        mongo.getDb().drop();
        client.close();
    }

    private void history(String... payloads) {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(payloads.length));
        when(eventStore.openStream(any())).thenAnswer(i -> new ListStream(payloads));
    }

    private ReplayProgress awaitEnd() {
        return await().atMost(Duration.ofSeconds(20)).until(() -> rebuilds.progress("things"),
                p -> p.state() == State.DONE || p.state() == State.FAILED);
    }

    @Test
    void handsOverToTheLiveProcessorOnTheNewCollection() {
        history("a", "b", "c", "d", "e");

        ReplayProgress started = rebuilds.start("things");
        assertThat(started.state()).isEqualTo(State.RUNNING);
        assertThat(started.active()).isEqualTo("things");
        assertThat(started.building()).isEqualTo("things_1");
        assertThat(started.eventsTotal()).isEqualTo(5);

        ReplayProgress done = awaitEnd();
        assertThat(done.state()).as(done.toString()).isEqualTo(State.DONE);
        assertThat(done.eventsDone()).isEqualTo(5);
        assertThat(done.active()).isEqualTo("things_1");
        assertThat(done.building()).isNull();
        assertThat(collections.pointer("things", "things").active()).isEqualTo("things_1");
        assertThat(collections.active("things", "things")).isEqualTo("things_1");
        assertThat(mongo.findAll(Document.class, "things_1")).extracting(d -> d.get("_id")).containsExactly("a", "b", "c", "d", "e");
        assertThat(mongo.collectionExists("things")).as("the old collection is dropped").isFalse();

        InOrder order = inOrder(processor, tokenStore);
        order.verify(processor).shutdownAsync();
        order.verify(tokenStore).fetchToken("things", 0);
        order.verify(tokenStore).fetchToken("things", 1);
        order.verify(tokenStore).storeToken(new GlobalSequenceTrackingToken(5), "things", 0);
        order.verify(tokenStore).storeToken(new GlobalSequenceTrackingToken(5), "things", 1);
        order.verify(processor).start();

        assertThatThrownBy(() -> rebuilds.start("elsewhere")).isInstanceOf(io.sitework.support.domain.NotFoundException.class);
    }

    @Test
    void aFailureLeavesTheOldCollectionActive() {
        history("a", "b", "poison", "d", "e", "f", "g");

        rebuilds.start("things");
        ReplayProgress failed = awaitEnd();

        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.error()).contains("poison");
        assertThat(failed.active()).isEqualTo("things");
        assertThat(failed.building()).isNull();
        assertThat(collections.pointer("things", "things").active()).isEqualTo("things");
        assertThat(collections.pointer("things", "things").building()).isNull();
        assertThat(mongo.collectionExists("things_1")).as("the half-built collection is dropped").isFalse();
        assertThat(mongo.findAll(Document.class, "things")).extracting(d -> d.get("_id")).containsExactly("stale");
        verify(processor, never()).shutdownAsync();
        verify(tokenStore, never()).storeToken(any(), anyString(), anyInt());

        // and the next rebuild may start
        history("a");
        assertThat(rebuilds.start("things").building()).isEqualTo("things_2");
        assertThat(awaitEnd().state()).isEqualTo(State.DONE);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(1_000));
        // a stream that never delivers: the rebuild stays RUNNING
        when(eventStore.openStream(any())).thenAnswer(i -> new ListStream());

        rebuilds.start("things");

        assertThatThrownBy(() -> rebuilds.start("things")).isInstanceOf(DomainRuleViolation.class).hasMessageContaining("already running");
        assertThat(rebuilds.progress("things").state()).isEqualTo(State.RUNNING);
    }

    private ReadModelRebuilds peer;

    @Test
    void anotherInstancePausesForTheHandOverAndShowsTheProgress() {
        // a second instance of the service, with its own processor of the same read model
        EventProcessingConfiguration peerProcessing = mock(EventProcessingConfiguration.class);
        StreamingEventProcessor peerProcessor = mock(StreamingEventProcessor.class);
        when(peerProcessing.eventProcessor("things", StreamingEventProcessor.class)).thenReturn(Optional.of(peerProcessor));
        when(peerProcessor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        peer = new ReadModelRebuilds(List.of(things), eventStore, peerProcessing, tokenStore, NoTransactionManager.INSTANCE, mongo,
                collections, Clock.systemUTC(), settings(), null, "instance-2");
        // the peer still holds segment 1 until it has paused
        java.util.concurrent.atomic.AtomicBoolean peerPaused = new java.util.concurrent.atomic.AtomicBoolean();
        when(peerProcessor.shutdownAsync()).thenAnswer(i -> {
            peerPaused.set(true);
            return CompletableFuture.completedFuture(null);
        });
        when(tokenStore.fetchToken("things", 1)).thenAnswer(i -> {
            if (!peerPaused.get()) {
                throw new org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException("held by the peer");
            }
            return null;
        });
        history("a", "b", "c");

        rebuilds.start("things");
        ReplayProgress seenByPeer = await().atMost(Duration.ofSeconds(20)).until(() -> peer.progress("things"),
                p -> p.state() == State.DONE);

        assertThat(seenByPeer.eventsDone()).isEqualTo(3);
        assertThat(seenByPeer.active()).isEqualTo("things_1");
        assertThat(seenByPeer.instance()).isEqualTo(rebuilds.instance());
        assertThat(peerPaused).as("the peer paused for the hand-over").isTrue();
        InOrder order = inOrder(peerProcessor, tokenStore, processor);
        order.verify(peerProcessor).shutdownAsync();
        order.verify(tokenStore).storeToken(new GlobalSequenceTrackingToken(3), "things", 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(peerProcessor).start());
        assertThatThrownBy(() -> peer.progress("elsewhere")).isInstanceOf(io.sitework.support.domain.NotFoundException.class);
    }

    @Test
    void aRebuildRunningOnAnotherInstanceIsRefusedUntilItsInstanceDies() {
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(1_000));
        when(eventStore.openStream(any())).thenAnswer(i -> new ListStream());
        peer = new ReadModelRebuilds(List.of(things), eventStore, processing, tokenStore, NoTransactionManager.INSTANCE, mongo,
                collections, Clock.systemUTC(), settings(), null, "instance-2");

        peer.start("things");
        assertThat(rebuilds.progress("things").state()).as("progress of a rebuild on another instance").isEqualTo(State.RUNNING);
        assertThatThrownBy(() -> rebuilds.start("things")).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("another instance");

        // the instance running it stops without a word: its heartbeat ages
        peer.close();
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is("things")),
                org.springframework.data.mongodb.core.query.Update.update("heartbeat",
                        java.util.Date.from(java.time.Instant.now().minusSeconds(120))), ReadModelCollections.POINTERS);
        assertThat(rebuilds.progress("things").state()).isEqualTo(State.FAILED);
        assertThat(rebuilds.progress("things").error()).contains("stopped");

        history("a");
        ReplayProgress restarted = rebuilds.start("things");
        assertThat(restarted.building()).isEqualTo("things_2");
        assertThat(awaitEnd().state()).isEqualTo(State.DONE);
        assertThat(mongo.collectionExists("things_1")).as("the dead rebuild's collection is dropped").isFalse();
    }

    /** The event store's stream over a fixed history. */
    private static final class ListStream implements BlockingStream<TrackedEventMessage<?>> {
        private final String[] payloads;
        private int next;

        ListStream(String... payloads) {
            this.payloads = payloads;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return next < payloads.length ? Optional.of(message(next)) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next < payloads.length) {
                return true;
            }
            unit.sleep(timeout); // as the event store's stream waits for new events
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            TrackedEventMessage<?> message = message(next);
            next++;
            return message;
        }

        private TrackedEventMessage<?> message(int index) {
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index + 1),
                    GenericEventMessage.asEventMessage(payloads[index]));
        }

        @Override
        public void close() {
        }
    }
}
