package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.api.WorkCommands.AddComment;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The known way tracking processors skip events on a relational event store (docs/reliability.md, "gap timeout"):
 * a transaction takes a global index when it inserts its event and stays open; a later event commits; a processor
 * that reads that later event once it is older than the gap timeout (it lagged, it was restarted, it rebuilds) gives
 * up on the gap; the open transaction then commits an event no processor will ever read. Here with a 9 s gap timeout
 * and a 1 s append timeout, the board's processor held back past the gap timeout to play the lagging one.
 *
 * <p>First the hazard itself, with a transaction outside Sitework's storage engine: its late event is stored but
 * never reaches the board. Then the same stall inside a real command: the storage engine has bounded the rest of
 * the transaction ({@code BoundedAppendEventStorageEngine}), so PostgreSQL ends it after the append timeout; the
 * command fails (not acknowledged), nothing is stored, the processor goes on, and the command sent again lands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitework.event-store.append-timeout=1s", "sitework.event-store.gap-timeout=9s"})
class GapTimeoutIT {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(9);
    private static final String BOARD = "work-board";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_gap_timeout");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventProcessingConfiguration processing;

    private final String site = UUID.randomUUID().toString();
    private Registration interceptor;

    @AfterEach
    void restore() {
        if (interceptor != null) {
            interceptor.cancel();
        }
        board().start();
    }

    @Test
    void aTransactionOutsideTheBoundThatCommitsAfterTheGapTimeoutIsNeverSeenByTheLaggingProcessor() throws Exception {
        Http http = http();
        String id = workWithOneComment(http);
        board().shutDown();

        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // the item's comment once more, as the next event: its global index taken now, seen only at commit
            try (PreparedStatement insert = slow.prepareStatement("""
                    INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                                                  payloadtype, payloadrevision, payload, metadata)
                    SELECT ?, aggregateidentifier, sequencenumber + 1, type, timestamp, payloadtype, payloadrevision, payload, metadata
                    FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, id);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            String later = requestWork(http, "Committed after the gap");
            Thread.sleep(GAP_TIMEOUT.plusSeconds(1).toMillis());
            board().start();
            await().atMost(Duration.ofSeconds(30)).until(() -> boardVersion(http, later) == 0);
            slow.commit();
        }

        assertThat(commentEvents(id)).as("the late event is in the store").isEqualTo(2);
        Thread.sleep(3_000);
        assertThat(http.get("/api/work/" + id).json().get("version").asLong()).as("the item read from the store").isEqualTo(2);
        assertThat(boardVersion(http, id)).as("but the board never read it: it stays at the version before it").isEqualTo(1);
    }

    @Test
    void aCommandStalledAfterStoringItsEventIsEndedByTheDatabaseUnacknowledgedAndLandsWhenSentAgain() throws Exception {
        Http http = http();
        String id = workWithOneComment(http);
        board().shutDown();
        stallAfterAppend(id, GAP_TIMEOUT.plusSeconds(2));

        CompletableFuture<Http.Response> stalled = CompletableFuture.supplyAsync(() ->
                http.post("/api/work/" + id + "/comments", "{\"text\":\"Stalled after its append\"}"));
        Thread.sleep(1_500);
        String later = requestWork(http, "Committed while the other waits");
        Http.Response refused = stalled.get();

        assertThat(refused.status()).as("not acknowledged: %s", refused.body()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.json().get("type").asText()).endsWith("storage-unavailable");
        assertThat(commentEvents(id)).as("the database ended the transaction: nothing of it is stored").isEqualTo(1);

        Thread.sleep(GAP_TIMEOUT.toMillis());
        board().start();
        await().atMost(Duration.ofSeconds(30)).until(() -> boardVersion(http, later) == 0);
        interceptor.cancel();
        interceptor = null;
        Http.Response again = http.post("/api/work/" + id + "/comments", "{\"text\":\"Stalled after its append\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> boardVersion(http, id) == 2);
        assertThat(commentEvents(id)).isEqualTo(2);
    }

    /** Holds the unit of work of the next comment on {@code id} for {@code pause} after its event was inserted. */
    private void stallAfterAppend(String id, Duration pause) {
        MessageHandlerInterceptor<CommandMessage<?>> stall = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            // registered after the handler published its event: runs after the event store's own prepare-commit
            // handler, which inserted the event
            if (unitOfWork.getMessage().getPayload() instanceof AddComment add && add.workId().equals(id)) {
                unitOfWork.onPrepareCommit(u -> {
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            return result;
        };
        interceptor = commandBus.registerHandlerInterceptor(stall);
    }

    private EventProcessor board() {
        return processing.eventProcessor(BOARD).orElseThrow();
    }

    private Http http() {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("carla", site, Role.SUPERVISOR));
    }

    private String requestWork(Http http, String title) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"OTHER","title":"%s","priority":"LOW"}""".formatted(site, title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String workWithOneComment(Http http) {
        String id = requestWork(http, "Pump P-101 leaking");
        Http.Response comment = http.post("/api/work/" + id + "/comments", "{\"text\":\"Seal weeps\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> boardVersion(http, id) == 1);
        return id;
    }

    /** The item's version on the board (the work list, a read model the processor keeps), or -1 when not there. */
    private long boardVersion(Http http, String id) {
        Http.Response list = http.get("/api/work?siteId=" + site + "&size=100");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (var item : list.json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item.get("version").asLong();
            }
        }
        return -1;
    }

    private int commentEvents(String id) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%CommentAdded'", Integer.class, id);
        return count == null ? 0 : count;
    }
}
