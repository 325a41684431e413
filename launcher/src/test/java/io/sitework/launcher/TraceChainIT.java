package io.sitework.launcher;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the gateway to the notification, end to end on the real platform (docs/observability.md):
 * every service exports its spans over OTLP/HTTP to a collector played by this test, a request enters the
 * gateway with a W3C {@code traceparent}, and the spans of that one trace come back from all three hops — the
 * gateway's, work-service's (the HTTP command, then, from its event processor, the publication to Kafka) and
 * notification-service's consumption of the record that wrote the owner's inbox entry — each child of a span of
 * the same trace. context-service, which follows work's status on the same topic, joins the trace too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceChainIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** The gateway's service.name (its spring.application.name). */
    private static final String GATEWAY = "sitework-gateway";

    @TempDir
    static Path tmp;

    private final List<ExportTraceServiceRequest> exports = new CopyOnWriteArrayList<>();
    private HttpServer collector;
    private Platform platform;
    private JsonHttp gateway;

    @BeforeAll
    void startACollectorAndThePlatformExportingToIt() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                exports.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        collector.start();
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        platform = TestPlatforms.start(tmp, "trace", Duration.ofSeconds(180), List.of(
                "-Dmanagement.otlp.tracing.export.enabled=true",
                "-Dmanagement.otlp.tracing.endpoint=" + endpoint,
                "-Dmanagement.tracing.sampling.probability=1.0"));
        gateway = new JsonHttp(platform.gatewayUri());
    }

    @AfterAll
    void stop() {
        TestPlatforms.stopAndDropDatabases(platform);
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void aCommandsTraceRunsFromTheGatewayThroughKafkaToTheInboxEntry() {
        String site = UUID.randomUUID().toString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String planner = "trace-planner-" + suffix;
        String owner = "trace-owner-" + suffix;
        String traceId = HexFormat.of().formatHex(random(16));
        String clientSpan = HexFormat.of().formatHex(random(8));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", site);
        body.put("kind", "MAINTENANCE_CORRECTIVE");
        body.put("title", "Trace the pump P-101 work");
        body.put("priority", "HIGH");
        body.put("ownerId", owner);
        JsonHttp.Response created = gateway.post("/api/work", body, Map.of(
                "Authorization", token(planner, site, "PLANNER"),
                "traceparent", "00-" + traceId + "-" + clientSpan + "-01"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String workId = created.json().path("id").asText();

        // the owner hears of it: notification-service handled the record
        String ownerToken = token(owner, site, "TECHNICIAN");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonHttp.Response inbox = gateway.get("/api/notifications?size=50", Map.of("Authorization", ownerToken));
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            assertThat(inbox.body()).contains(workId);
        });

        // and every hop's spans of that one trace reached the collector
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, List<Span>> byService = spansOf(traceId);
            assertThat(byService.keySet()).as("services with spans in trace %s: %s", traceId, describe(byService))
                    .contains(GATEWAY, "work-service", "notification-service", "context-service");
            Set<String> spanIds = byService.values().stream().flatMap(List::stream)
                    .map(s -> hex(s.getSpanId().toByteArray())).collect(Collectors.toSet());
            spanIds.add(clientSpan);
            byService.values().stream().flatMap(List::stream).forEach(span ->
                    assertThat(hex(span.getParentSpanId().toByteArray())).as("parent of %s in %s", span.getName(), describe(byService))
                            .isIn(spanIds));
            assertThat(byService.get(GATEWAY)).extracting(Span::getKind).contains(Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(byService.get("work-service")).extracting(Span::getKind)
                    .contains(Span.SpanKind.SPAN_KIND_SERVER, Span.SpanKind.SPAN_KIND_PRODUCER);
            assertThat(byService.get("notification-service")).extracting(Span::getKind).contains(Span.SpanKind.SPAN_KIND_CONSUMER);
        });
        System.out.println("[trace] " + traceId + ": " + describe(spansOf(traceId)));
    }

    /** The spans of one trace that reached the collector, by the service.name of the process that sent them. */
    private Map<String, List<Span>> spansOf(String traceId) {
        Map<String, List<Span>> byService = new LinkedHashMap<>();
        for (ExportTraceServiceRequest export : exports) {
            for (ResourceSpans resource : export.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                        .map(v -> v.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        if (hex(span.getTraceId().toByteArray()).equals(traceId)) {
                            byService.computeIfAbsent(service, k -> new ArrayList<>()).add(span);
                        }
                    }
                }
            }
        }
        return byService;
    }

    private static String describe(Map<String, List<Span>> byService) {
        return byService.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().stream()
                .map(s -> s.getName() + "(" + s.getKind().name().replace("SPAN_KIND_", "").toLowerCase() + ")").toList())
                .collect(Collectors.joining(", "));
    }

    private String token(String user, String site, String role) {
        JsonHttp.Response response = gateway.post(DemoSeeder.TOKEN_PATH, Map.of("subject", user, "sites", Map.of(site, List.of(role))), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return "Bearer " + response.json().path("access_token").asText();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
