package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules between work and permits hold when either service restarts in the middle, on the real
 * platform (a Kafka broker process, PostgreSQL, the service jars as processes): a permit suspended
 * while work-service is down still blocks the work once it is back, once; work completed while
 * context-service is down still makes the permit ready for hand-back once it is back, once. Nothing is
 * missed (the consumer groups resume from their committed offsets) and nothing is applied twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossServiceRestartIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    private final Map<String, String> tokens = new HashMap<>();
    private Platform platform;
    private JsonHttp api;

    @BeforeAll
    void startThePlatform() {
        platform = TestPlatforms.start(tmp, "restart", Duration.ofSeconds(180));
        api = new JsonHttp(platform.gatewayUri());
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() {
        TestPlatforms.stopAndDropDatabases(platform);
    }

    @Test
    void neitherARestartOfWorkServiceNorOfContextServiceLosesOrRepeatsARule() {
        String site = DemoData.SITE_ID.toString();
        String work = id(expect(201, post("anna.planner", "/api/work", Map.of("siteId", site, "kind", "MAINTENANCE_CORRECTIVE",
                "title", "Cut and re-weld the drain line of T-301", "priority", "HIGH", "ownerId", "bruno.tech",
                "requiredPermitTypes", List.of("HOT_WORK")))));
        expect(200, post("anna.planner", "/api/work/" + work + "/plan",
                Map.of("plannedStart", "2099-06-01T06:00:00Z", "plannedEnd", "2099-06-01T14:00:00Z")));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("siteId", site);
        request.put("type", "HOT_WORK");
        request.put("workIds", List.of(work));
        request.put("hazards", List.of("flammable residue in the line"));
        request.put("controls", List.of("line flushed and gas-tested", "fire watch"));
        request.put("validFrom", now.minusSeconds(300).toString());
        request.put("validTo", now.plus(Duration.ofHours(8)).toString());
        String permit = "/api/permits/" + id(expect(201, post("bruno.tech", "/api/permits", request)));
        expect(200, post("paul.permits", permit + "/approve", Map.of()));
        expect(200, post("paul.permits", permit + "/issue", Map.of("holderId", "bruno.tech")));
        eventually("the work hears the permit is issued", () -> get("anna.planner", "/api/work/" + work),
                w -> w.path("permits").path(0).path("status").asText().equals("ISSUED"));
        expect(200, post("bruno.tech", "/api/work/" + work + "/start", Map.of()));

        // work-service down: the suspension waits on Kafka
        platform.stopService("work-service");
        expect(200, post("paul.permits", permit + "/suspend", Map.of("reason", "gas alarm")));
        platform.startService("work-service");
        eventually("the work is blocked after work-service's restart", () -> get("anna.planner", "/api/work/" + work),
                w -> w.path("blocked").asBoolean());
        expect(200, post("paul.permits", permit + "/resume", Map.of()));
        eventually("the work is unblocked", () -> get("anna.planner", "/api/work/" + work), w -> !w.path("blocked").asBoolean());

        // context-service down: the work's completion waits on Kafka
        platform.stopService("context-service");
        expect(200, post("bruno.tech", "/api/work/" + work + "/complete", Map.of()));
        platform.startService("context-service");
        eventually("the permit is ready for hand-back after context-service's restart", () -> get("bruno.tech", permit),
                p -> p.path("readyForHandBack").asBoolean());
        expect(200, post("bruno.tech", permit + "/handback", Map.of()));
        expect(200, post("paul.permits", permit + "/close", Map.of()));
        expect(200, post("carla.supervisor", "/api/work/" + work + "/close", Map.of()));

        List<String> workHistory = types(get("anna.planner", "/api/work/" + work + "/history?size=200"));
        assertThat(workHistory).filteredOn("io.sitework.work.blocker_raised.v1"::equals).hasSize(1);
        assertThat(workHistory).filteredOn("io.sitework.work.blocker_resolved.v1"::equals).hasSize(1);
        List<String> permitHistory = types(get("paul.permits", permit + "/history?size=200"));
        assertThat(permitHistory).filteredOn("io.sitework.permit.ready_for_handback.v1"::equals).hasSize(1);
        assertThat(permitHistory).last().isEqualTo("io.sitework.permit.closed.v1");
    }

    private JsonHttp.Response post(String user, String path, Object body) {
        return api.post(path, body, Map.of("Authorization", token(user)));
    }

    private JsonNode get(String user, String path) {
        return expect(200, api.get(path, Map.of("Authorization", token(user))));
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> "Bearer "
                + expect(200, api.post(DemoSeeder.TOKEN_PATH, Map.of("subject", u), Map.of())).path("access_token").asText());
    }

    private static JsonNode expect(int status, JsonHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static String id(JsonNode created) {
        return created.path("id").asText();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new java.util.ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    private interface Read {
        JsonNode read();
    }

    private static void eventually(String what, Read read, Predicate<JsonNode> holds) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.read();
            if (holds.test(last)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted");
            }
        }
        throw new AssertionError(what + ": not within " + EVENTUALLY + "; last seen " + last);
    }
}
