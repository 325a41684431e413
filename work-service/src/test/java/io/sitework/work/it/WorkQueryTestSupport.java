package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the query tests share: one application context (same properties, so the three classes reuse
 * it), helpers to drive work through its lifecycle over HTTP, and a wait for the work board to catch
 * up with the last change made. Every test works on fresh random sites, so tests never see each
 * other's work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WorkQueryTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_queries");
    }

    @LocalServerPort
    int port;

    /** Last known version of every work item a test changed, with its site: what the board must catch up with. */
    private final Map<String, long[]> versions = new LinkedHashMap<>();
    private final Map<String, String> sites = new LinkedHashMap<>();

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    Http as(String user, String site, Role... roles) {
        return http().as(TestTokens.forSite(user, site, roles));
    }

    /** Someone who may do everything on the site except administer it. */
    Http lead(String site) {
        return as("lea", site, Role.PLANNER, Role.TECHNICIAN, Role.SUPERVISOR);
    }

    Http admin() {
        return http().as(TestTokens.orgAdmin("olga"));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static ObjectNode work(String site, String title) {
        return JSON.createObjectNode().put("siteId", site).put("kind", "OTHER").put("title", title).put("priority", "MEDIUM");
    }

    /** Requests work (as {@code http}); the body is {@link #work} adjusted by {@code details}. */
    String create(Http http, String site, String title, Consumer<ObjectNode> details, String... headers) {
        ObjectNode body = work(site, title);
        details.accept(body);
        Http.Response created = http.post("/api/work", body.toString(), headers);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        track(created.json());
        return created.json().get("id").asText();
    }

    String create(String site, String title, Consumer<ObjectNode> details) {
        return create(lead(site), site, title, details);
    }

    /** A command that answers with the work; returns it. */
    JsonNode command(Http http, String workId, String step, String body, String... headers) {
        Http.Response response = http.post("/api/work/" + workId + "/" + step, body, headers);
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(200);
        track(response.json());
        return response.json();
    }

    JsonNode plan(Http http, String workId, String assigneesJson) {
        String body = "{\"plannedStart\":\"2030-01-01T08:00:00Z\",\"plannedEnd\":\"2030-01-01T16:00:00Z\""
                + (assigneesJson == null ? "" : ",\"assignees\":" + assigneesJson) + "}";
        return command(http, workId, "plan", body);
    }

    /** Plans the work (without assignees) and starts it. */
    JsonNode start(Http http, String workId) {
        plan(http, workId, null);
        return command(http, workId, "start", null);
    }

    /** Raises a blocker; returns its id. */
    String block(Http http, String workId, String type, String reason, String reference, String... headers) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("reason", reason);
        if (reference != null) {
            body.put("reference", reference);
        }
        Http.Response raised = http.post("/api/work/" + workId + "/blockers", body.toString(), headers);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String etag = raised.header("ETag");
        versions.computeIfAbsent(workId, k -> new long[1])[0] = Long.parseLong(etag.replace("\"", ""));
        return raised.json().get("id").asText();
    }

    JsonNode resolve(Http http, String workId, String blockerId, String... headers) {
        return command(http, workId, "blockers/" + blockerId + "/resolve", "{\"note\":\"done\"}", headers);
    }

    private void track(JsonNode view) {
        String id = view.get("id").asText();
        versions.computeIfAbsent(id, k -> new long[1])[0] = view.get("version").asLong();
        sites.put(id, view.get("siteId").asText());
    }

    /** Waits until the work board shows every tracked work item at (at least) its last known version. */
    void awaitBoard() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (Map.Entry<String, long[]> entry : versions.entrySet()) {
                String site = sites.get(entry.getKey());
                JsonNode page = admin().get("/api/work?size=200&siteId=" + site).json();
                JsonNode found = null;
                for (JsonNode item : page.get("items")) {
                    if (item.get("id").asText().equals(entry.getKey())) {
                        found = item;
                    }
                }
                assertThat(found).as("work " + entry.getKey() + " on the board").isNotNull();
                assertThat(found.get("version").asLong()).as("version of " + entry.getKey()).isGreaterThanOrEqualTo(entry.getValue()[0]);
            }
        });
    }

    /** The ids of a page's items, in order. */
    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.has("workId") ? item.get("workId").asText() : item.get("id").asText()));
        return ids;
    }

    static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.sitework");
        if (field != null) {
            assertThat(response.json().get("errors")).as(response.body()).isNotNull();
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
    }

    static String randomSite() {
        return UUID.randomUUID().toString();
    }
}
