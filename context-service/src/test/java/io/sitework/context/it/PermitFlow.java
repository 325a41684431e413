package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The people of one site and the permit steps they take over HTTP, each asserting it succeeded: rita
 * requests (technician), paul decides (permit authority), ivan isolates (technician), vera verifies
 * (supervisor), sam registers assets (site admin).
 */
final class PermitFlow {

    final String site = UUID.randomUUID().toString();
    final Http rita;
    final Http paul;
    final Http ivan;
    final Http vera;
    final Http sam;
    private final Http siteRegistrar;

    PermitFlow(int port) {
        String base = "http://127.0.0.1:" + port;
        rita = new Http(base).as(TestTokens.forSite("rita", site, Role.TECHNICIAN));
        paul = new Http(base).as(TestTokens.forSite("paul", site, Role.PERMIT_AUTHORITY));
        ivan = new Http(base).as(TestTokens.forSite("ivan", site, Role.TECHNICIAN));
        vera = new Http(base).as(TestTokens.forSite("vera", site, Role.SUPERVISOR));
        sam = new Http(base).as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
        siteRegistrar = new Http(base);
    }

    String asset(String tag) {
        Sites.register(siteRegistrar, site);
        Http.Response created = sam.post("/api/assets", """
                {"siteId":"%s","tag":"%s","name":"Asset %s","assetClass":"PUMP","criticality":"A"}""".formatted(site, tag, tag));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String isolation(String point, String method, String assetId) {
        return assetId == null ? "{\"point\":\"%s\",\"method\":\"%s\"}".formatted(point, method)
                : "{\"point\":\"%s\",\"method\":\"%s\",\"assetId\":\"%s\"}".formatted(point, method, assetId);
    }

    static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    String body(String type, List<String> workIds, List<String> assetIds, List<String> isolations, Instant validFrom, Instant validTo) {
        return """
                {"siteId":"%s","type":"%s","workIds":%s,"assetIds":%s,"hazards":["Toxic atmosphere"],"controls":["Gas test before entry"],\
                "validFrom":"%s","validTo":"%s","isolations":[%s]}""".formatted(site, type, ids(workIds), ids(assetIds), validFrom, validTo,
                String.join(",", isolations));
    }

    String body(String type, List<String> workIds, List<String> assetIds, List<String> isolations) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return body(type, workIds, assetIds, isolations, now.minusSeconds(60), now.plus(Duration.ofDays(1)));
    }

    /** Requested by rita; the permit as created. */
    JsonNode request(String body) {
        Http.Response created = rita.post("/api/permits", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode step(Http who, String permitId, String step, String body) {
        return ok(who.post("/api/permits/" + permitId + "/" + step, body));
    }

    JsonNode isolationStep(Http who, String permitId, String isolationId, String step) {
        return ok(who.post("/api/permits/" + permitId + "/isolations/" + isolationId + "/" + step, null));
    }

    static List<String> isolationIds(JsonNode permit) {
        List<String> ids = new ArrayList<>();
        permit.get("isolations").forEach(i -> ids.add(i.get("isolationId").asText()));
        return ids;
    }

    /** Approved by paul, every isolation applied by ivan and verified by vera, issued by paul. */
    JsonNode issue(String permitId) {
        JsonNode permit = step(paul, permitId, "approve", null);
        for (String isolationId : isolationIds(permit)) {
            isolationStep(ivan, permitId, isolationId, "apply");
            isolationStep(vera, permitId, isolationId, "verify");
        }
        return step(paul, permitId, "issue", "{}");
    }

    /** The CloudEvents on {@code topic} keyed by {@code key}, read from the start until {@code enough} holds. */
    static List<CloudEvent> published(String topic, String key, Predicate<List<CloudEvent>> enough) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        events.add(r.value());
                    }
                });
                return enough.test(events);
            });
        }
        return events;
    }

    static List<CloudEvent> publishedContextEvents(String permitId, int count) {
        return published(Topics.CONTEXT, permitId, events -> events.size() >= count);
    }
}
