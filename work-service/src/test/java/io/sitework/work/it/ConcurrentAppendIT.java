package io.sitework.work.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.api.WorkCommands.AddComment;
import io.sitework.work.api.WorkCommands.PlanWork;
import io.sitework.work.api.WorkEvents.CommentAdded;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command that loses the race for its aggregate to another instance of work-service (docs/scaling.md). The
 * other instance is played deterministically: just before this instance appends the command's event, an event
 * of the same work item with the same sequence number is stored from another thread and transaction, as a
 * second instance that loaded the same version would. The event store's unique key refuses the command's append;
 * the command is sent again, reloads the item with the other instance's event and is applied after it (201),
 * or, with an If-Match that the other event made stale, ends in 412; when it keeps losing it gives up with 409
 * and stores nothing. In every case the item's events stay one contiguous sequence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitework.commands.retry.max-retries=3", "sitework.commands.retry.back-off=5ms"})
class ConcurrentAppendIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_concurrent_append");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStore eventStore;

    @Autowired
    MeterRegistry meters;

    private final String site = UUID.randomUUID().toString();
    private Registration interceptor;

    @AfterEach
    void removeTheOtherInstance() {
        if (interceptor != null) {
            interceptor.cancel();
        }
    }

    @Test
    void aCommandThatLostTheRaceIsSentAgainAndAppliedAfterTheOtherInstancesEvent() {
        Http http = http();
        String id = requestWork(http);
        double retriedBefore = retried();
        AtomicInteger collisions = anotherInstanceAppendsFirst(c -> c instanceof AddComment add && add.workId().equals(id), 1);

        Http.Response added = http.post("/api/work/" + id + "/comments", "{\"text\":\"Seal replaced\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(collisions).hasValue(1);
        assertThat(retried() - retriedBefore).as("retries counted").isGreaterThanOrEqualTo(1);
        String commentId = added.json().get("id").asText();
        List<String> stored = storedTypes(id);
        assertThat(stored).as("the item's events, in sequence").hasSize(3);
        assertThat(commentIds(id)).containsExactly("other-instance-1", commentId);
        // the read model folds both, in the store's order
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Http.Response read = http.get("/api/work/" + id);
            assertThat(read.json().get("version").asLong()).isEqualTo(2);
            assertThat(read.json().get("comments")).extracting(c -> c.get("text").asText())
                    .containsExactly("from the other instance", "Seal replaced");
        });
    }

    @Test
    void aCommandWhoseIfMatchTheOtherInstanceMadeStaleEndsIn412AndChangesNothing() {
        Http http = http();
        String id = requestWork(http);
        anotherInstanceAppendsFirst(c -> c instanceof PlanWork plan && plan.workId().equals(id), 1);

        Http.Response planned = http.post("/api/work/" + id + "/plan", WorkApiIT.PLAN, "If-Match", "\"0\"");

        assertThat(planned.status()).as(planned.body()).isEqualTo(412);
        assertThat(planned.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(storedTypes(id)).hasSize(2).noneMatch(type -> type.endsWith("WorkPlanned"));
    }

    @Test
    void aCommandThatKeepsLosingGivesUpWith409AndStoresNothingOfItsOwn() {
        Http http = http();
        String id = requestWork(http);
        AtomicInteger collisions = anotherInstanceAppendsFirst(c -> c instanceof AddComment add && add.workId().equals(id), Integer.MAX_VALUE);

        Http.Response added = http.post("/api/work/" + id + "/comments", "{\"text\":\"Never stored\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(409);
        assertThat(added.header("Content-Type")).contains("application/problem+json");
        assertThat(added.json().get("type").asText()).endsWith("concurrent-modification");
        assertThat(collisions).as("the first attempt and three retries").hasValue(4);
        assertThat(commentIds(id)).containsExactly("other-instance-1", "other-instance-2", "other-instance-3", "other-instance-4");
    }

    private Http http() {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("carla", site, Role.SUPERVISOR));
    }

    private String requestWork(Http http) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Pump P-101 leaking","priority":"HIGH"}""".formatted(site));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /**
     * For the next {@code times} commands that match, another "instance" stores the item's next event just before
     * this instance appends its own: from another thread, in a transaction of its own, with the sequence number
     * this instance is about to use.
     */
    private AtomicInteger anotherInstanceAppendsFirst(Predicate<Object> command, int times) {
        AtomicInteger collisions = new AtomicInteger();
        MessageHandlerInterceptor<CommandMessage<?>> other = (unitOfWork, chain) -> {
            CommandMessage<?> message = unitOfWork.getMessage();
            if (command.test(message.getPayload()) && collisions.get() < times) {
                String workId = message.getPayload() instanceof AddComment add ? add.workId() : ((PlanWork) message.getPayload()).workId();
                unitOfWork.onPrepareCommit(u -> {
                    int n = collisions.incrementAndGet();
                    CompletableFuture.runAsync(() -> {
                        long next = eventStore.lastSequenceNumberFor(workId).orElseThrow() + 1;
                        String type = jdbc.queryForObject("SELECT type FROM domainevententry WHERE aggregateidentifier = ? LIMIT 1",
                                String.class, workId);
                        eventStore.publish(new GenericDomainEventMessage<>(type, workId, next,
                                new CommentAdded(workId, site, "other-instance-" + n, "from the other instance"), message.getMetaData()));
                    }).orTimeout(20, TimeUnit.SECONDS).join();
                });
            }
            return chain.proceed();
        };
        interceptor = commandBus.registerHandlerInterceptor(other);
        return collisions;
    }

    private List<String> storedTypes(String id) {
        List<Long> sequences = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                Long.class, id);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("sequence %d of %s", i, id).isEqualTo(i);
        }
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, id);
    }

    private List<String> commentIds(String id) {
        storedTypes(id);
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::json ->> 'commentId' FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%CommentAdded' ORDER BY sequencenumber", String.class, id);
    }

    private double retried() {
        var counter = meters.find("sitework.commands.retried").counter();
        return counter == null ? 0 : counter.count();
    }
}
