package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real platform — a Kafka broker process, the local (or embedded) PostgreSQL with databases of its own,
 * the in-process Mongo endpoint and the four service jars as child processes — driven through the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private Platform platform;
    private URI gateway;

    @BeforeAll
    void startThePlatform() {
        platform = TestPlatforms.start(tmp, "it", Duration.ofSeconds(90));
        gateway = platform.gatewayUri();
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() {
        TestPlatforms.stopAndDropDatabases(platform);
    }

    /** Logs in at the gateway's dev login; {@code body} as {@code POST /auth/dev/token} takes it. */
    private String login(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/auth/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("log in with %s: %s", body, response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        return answer.get("access_token").asText();
    }

    /** A demo user's token: the roles of the gateway's demo users. */
    private String tokenOf(String demoUser) throws Exception {
        return login("{\"subject\":\"" + demoUser + "\"}");
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(pathAndQuery)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode list(String pathAndQuery, String token) throws Exception {
        HttpResponse<String> response = get(pathAndQuery, token);
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("at io.sitework", "Exception:");
    }

    @Test
    @Order(1)
    void theDemoSiteWasSeededWithAssetsAndWork() throws Exception {
        assertThat(platform.demoSeedResult().outcome()).as(platform.demoSeedResult().detail())
                .isEqualTo(DemoSeedResult.Outcome.CREATED);
        String site = DemoData.SITE_ID.toString();
        String planner = tokenOf("anna.planner");

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode assets = list("/api/assets?siteId=" + site + "&size=200", planner);
            assertThat(assets.get("total").asInt()).isEqualTo(DemoData.assets().size());
            List<String> tags = new ArrayList<>();
            assets.get("items").forEach(a -> tags.add(a.get("tag").asText()));
            assertThat(tags).containsExactlyInAnyOrder("A-100", "U-110", "P-101", "P-102", "E-201", "T-301");
        });
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode work = list("/api/work?siteId=" + site + "&size=50", planner);
            assertThat(work.get("total").asInt()).isEqualTo(DemoData.work().size());
            List<String> titles = new ArrayList<>();
            work.get("items").forEach(w -> titles.add(w.get("title").asText()));
            assertThat(titles).contains("P-101 mechanical seal leaking", "Daily utilities round");
        });
    }

    @Test
    @Order(1)
    void theDemoWorkWasRequestedByThePlannerWhoLoggedIn() throws Exception {
        String planner = tokenOf("anna.planner");
        JsonNode work = list("/api/work?siteId=" + DemoData.SITE_ID + "&size=1", planner).get("items").get(0);

        JsonNode item = JSON.readTree(get("/api/work/" + work.get("id").asText(), planner).body());

        assertThat(item.path("transitions").path("requestedBy").asText()).isEqualTo(DemoData.PLANNER);
    }

    @Test
    @Order(1)
    void theDevLoginKeyIsKeptInTheDataDirectoryForItsOwnerOnly() throws Exception {
        Path key = platform.config().dataDir().resolve("dev-login").resolve("jwk.json");

        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).contains("\"d\"");
        assertThat(get("/auth/dev/jwks", null).body()).contains("\"keys\"").doesNotContain("\"d\"");
    }

    @Test
    @Order(2)
    void workRequestedThroughTheGatewayIsListedAndReachesItsOwnersInbox() throws Exception {
        String site = UUID.randomUUID().toString();
        String requesterId = "it-planner-" + suffix;
        String owner = "it-owner-" + suffix;
        String requester = login("{\"subject\":\"%s\",\"sites\":{\"%s\":[\"PLANNER\"]}}".formatted(requesterId, site));
        String ownerToken = login("{\"subject\":\"%s\",\"sites\":{\"%s\":[\"TECHNICIAN\"]}}".formatted(owner, site));
        String correlationId = "it-" + UUID.randomUUID();
        String title = "Inspect the relief valve PSV-" + suffix;

        HttpResponse<String> created = post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"%s","priority":"HIGH","ownerId":"%s"}"""
                .formatted(site, title, owner), requester, Map.of("X-Correlation-Id", correlationId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        JsonNode work = JSON.readTree(created.body());
        String workId = work.get("id").asText();
        assertThat(UUID.fromString(workId)).isNotNull();
        assertThat(work.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(work.path("transitions").path("requestedBy").asText()).as("the actor comes from the token").isEqualTo(requesterId);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode listed = list("/api/work?siteId=" + site, requester);
            assertThat(listed.get("total").asInt()).isEqualTo(1);
            assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(workId);
        });
        // the inbox is the caller's own: no userId parameter, the user is the token's subject
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode inbox = list("/api/notifications", ownerToken);
            assertThat(inbox.get("total").asInt()).isEqualTo(1);
            String entry = inbox.get("items").get(0).toString();
            assertThat(entry.contains(workId) || entry.contains(title)).as("inbox entry %s names the work", entry).isTrue();
        });
        // nobody else reads it, not even by naming its owner
        HttpResponse<String> othersInbox = get("/api/notifications?userId=" + owner, requester);
        assertThat(othersInbox.body()).doesNotContain(workId, title);
    }

    @Test
    @Order(2)
    void theInboxStreamThroughTheGatewayDeliversLiveAndAReconnectGetsOnlyWhatWasMissed() throws Exception {
        String planner = tokenOf(DemoData.PLANNER);
        String bruno = tokenOf(DemoData.BRUNO);
        URI stream = gateway.resolve("/api/notifications/stream");
        String seen;
        try (SseLines live = SseLines.open(http, stream, bruno, null)) {
            assertThat(live.status()).isEqualTo(200);
            live.next("counts", EVENTUALLY);

            String first = requestWorkFor(DemoData.BRUNO, "Check the strainer of P-102 " + suffix, planner);

            SseLines.Event arrived = live.next("notification", EVENTUALLY);
            assertThat(arrived.data()).contains(first);
            seen = arrived.id();
        }

        String missed = requestWorkFor(DemoData.BRUNO, "Top up the oil of P-101 " + suffix, planner);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(list("/api/notifications", bruno).get("items").get(0).toString())
                .contains(missed));

        try (SseLines resumed = SseLines.open(http, stream, bruno, seen)) {
            // the first notification is the missed one: what was seen before the disconnect is not sent again
            SseLines.Event replayed = resumed.next("notification", EVENTUALLY);
            assertThat(replayed.data()).contains(missed);
            assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(seen));
        }
    }

    @Test
    @Order(2)
    void workForBrunoReachesHisEMailInTheMailSinkReadableOverImap() throws Exception {
        String title = "Grease the bearings of P-101 " + suffix;
        requestWorkFor(DemoData.BRUNO, title, tokenOf(DemoData.PLANNER));

        String address = DemoData.BRUNO + DemoData.EMAIL_DOMAIN;
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(platform.ports().get("imap")));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imap");
            store.connect(address, "any password");
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                List<String> subjects = new ArrayList<>();
                for (jakarta.mail.Message message : inbox.getMessages()) {
                    subjects.add(message.getSubject());
                }
                inbox.close(false);
                assertThat(subjects).contains("New work assigned to you: " + title);
            } finally {
                store.close();
            }
        });
    }

    @Test
    @Order(2)
    void aWebhookSubscriberReceivesSignedDeliveriesRetriedAfterAFailure() throws Exception {
        List<Map<String, String>> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger toFail = new java.util.concurrent.atomic.AtomicInteger(1);
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"), "body", body));
            exchange.sendResponseHeaders(toFail.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String sam = tokenOf("sam.siteadmin");
            HttpResponse<String> subscribed = post("/api/webhooks", """
                    {"url":"http://127.0.0.1:%d/hook","eventTypes":["io.sitework.work.requested.v1"],"siteIds":["%s"]}"""
                    .formatted(receiver.getAddress().getPort(), DemoData.SITE_ID), sam, Map.of());
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            String secret = JSON.readTree(subscribed.body()).get("secret").asText();
            String hook = JSON.readTree(subscribed.body()).get("id").asText();

            String workId = requestWorkFor(DemoData.CARLA, "Calibrate TT-301 " + suffix, tokenOf(DemoData.PLANNER));

            // the first attempt is refused, the retry (about 5 s later) accepted: both signed, with one webhook-id
            await().atMost(Duration.ofSeconds(40)).until(() -> received.stream().filter(r -> r.get("body").contains(workId)).count() >= 2);
            List<Map<String, String>> ours = received.stream().filter(r -> r.get("body").contains(workId)).toList();
            assertThat(ours).extracting(r -> r.get("id")).containsOnly(ours.get(0).get("id"));
            byte[] key = java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
            for (Map<String, String> delivery : ours) {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                String signed = delivery.get("id") + "." + delivery.get("timestamp") + "." + delivery.get("body");
                String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(delivery.get("signature").split(" ")).contains(expected);
                assertThat(JSON.readTree(delivery.get("body")).get("type").asText()).isEqualTo("io.sitework.work.requested.v1");
            }
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                JsonNode log = list("/api/webhooks/" + hook + "/deliveries", sam);
                JsonNode delivery = log.get("items").get(0);
                assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
            });
        } finally {
            receiver.stop(0);
        }
    }

    /** Requests work owned by {@code owner} on the demo site; its id. */
    private String requestWorkFor(String owner, String title, String token) throws Exception {
        HttpResponse<String> created = post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"%s","priority":"MEDIUM","ownerId":"%s"}"""
                .formatted(DemoData.SITE_ID, title, owner), token, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    @Test
    @Order(3)
    void malformedJsonIsA400ProblemWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = post("/api/work", "{\"siteId\": \"" + DemoData.SITE_ID + "\", \"title\": ",
                tokenOf("anna.planner"), Map.of());

        assertProblem(response, 400);
    }

    @Test
    @Order(3)
    void withoutATokenTheApiIs401() throws Exception {
        HttpResponse<String> list = get("/api/work?siteId=" + DemoData.SITE_ID, null);
        HttpResponse<String> command = post("/api/work", "{\"siteId\":\"" + DemoData.SITE_ID
                + "\",\"kind\":\"CLEANING\",\"title\":\"x\",\"priority\":\"LOW\"}", null, Map.of());

        assertProblem(list, 401);
        assertProblem(command, 401);
        assertThat(list.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(get("/api/work?siteId=" + DemoData.SITE_ID, "not-a-token"), 401);
    }

    @Test
    @Order(3)
    void aUserWithoutARoleOnTheSiteSeesNothingOfItAndChangesNothing() throws Exception {
        String north = DemoData.SITE_ID.toString();
        String planner = tokenOf("anna.planner");
        String workId = list("/api/work?siteId=" + north + "&size=1", planner).get("items").get(0).get("id").asText();
        JsonNode before = JSON.readTree(get("/api/work/" + workId, planner).body());
        String tom = tokenOf("tom.south"); // TECHNICIAN on the south site only

        assertProblem(get("/api/work/" + workId, tom), 404);
        assertProblem(get("/api/work?siteId=" + north, tom), 403);
        assertProblem(post("/api/work/" + workId + "/start", "", tom, Map.of()), 403);
        assertProblem(post("/api/work", "{\"siteId\":\"" + north
                + "\",\"kind\":\"CLEANING\",\"title\":\"Not mine\",\"priority\":\"LOW\"}", tom, Map.of()), 403);

        JsonNode after = JSON.readTree(get("/api/work/" + workId, planner).body());
        assertThat(after.get("status").asText()).isEqualTo(before.get("status").asText());
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
    }

    @Test
    @Order(3)
    void notificationServiceSendsItsEmailToTheMailSink() throws Exception {
        int smtp = platform.ports().get("smtp");
        int imap = platform.ports().get("imap");
        Path log = platform.config().logDir().resolve("notification-service.log");

        assertThat(platform.mailDescription()).contains("SMTP 127.0.0.1:" + smtp, "IMAP client at 127.0.0.1:" + imap);
        assertThat(Files.readString(log)).contains("E-mail: mode smtp, sending through 127.0.0.1:" + smtp);
    }

    @Test
    @Order(4)
    void closeStopsEveryChildProcessAndFreesEveryPort() {
        Map<String, Long> pids = platform.pids();
        Map<String, Integer> ports = platform.ports();
        assertThat(pids).containsOnlyKeys("kafka", "work-service", "context-service", "notification-service", "gateway");
        assertThat(pids.values()).allMatch(LauncherProcess::alive);
        assertThat(ports).containsKeys("gateway", "gateway-management", "work-service", "context-service",
                "notification-service", "kafka", "mongo", "smtp", "imap");

        platform.close();

        assertThat(pids).allSatisfy((name, pid) -> assertThat(LauncherProcess.alive(pid)).as(name).isFalse());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ports).allSatisfy((name, port) -> assertThat(PortChooser.canBind(port)).as(name + " port " + port).isTrue()));
    }
}
