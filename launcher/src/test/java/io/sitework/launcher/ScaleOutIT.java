package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.infra.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of work-service and two of notification-service on one PostgreSQL, one MongoDB and one
 * Kafka broker (the real platform, each instance a process of its own), as replicas behind a load
 * balancer run (docs/scaling.md). Commands go through both instances, many at once on the same work
 * items and on distinct ones: every acknowledged command's events are stored once, in contiguous
 * sequences, and nothing answers 500; a stale If-Match still answers 412. Each processor's segments are
 * claimed by both work-service instances; every event reaches Kafka (the set of CloudEvent ids is the set
 * of stored events) and each inbox entry exists once per event and recipient though two notification
 * instances share the partitions. Then one work-service instance is killed and one notification-service
 * instance stopped: the others take over the segments and partitions and the rest still flows. Two
 * instances of context-service share its processors' segments too, and a site's asset tags stay unique when
 * both instances register the same tag at the same moment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECOND_WORK = "work-service-2";
    private static final String SECOND_NOTIFICATION = "notification-service-2";
    private static final String SECOND_CONTEXT = "context-service-2";
    private static final Pattern RETRIED = Pattern.compile("(?m)^sitework_commands_retried_total\\{[^}]*} ([0-9.E]+)");

    @TempDir
    static Path tmp;

    private Platform platform;
    private JsonHttp gateway;
    private JsonHttp work1;
    private JsonHttp work2;
    private JsonHttp notification1;
    private JsonHttp notification2;
    private JsonHttp context1;
    private JsonHttp context2;
    private final String site = UUID.randomUUID().toString();
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String planner = "scale-planner-" + suffix;
    private final String owner = "scale-owner-" + suffix;
    private final String watcher = "scale-watcher-" + suffix;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Every work item this test requested, and the comment ids acknowledged (201) per item. */
    private final List<String> workIds = new ArrayList<>();
    private final Map<String, Set<String>> acknowledgedComments = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    @BeforeAll
    void startThePlatformWithSecondInstances() {
        platform = TestPlatforms.start(tmp, "scale", Duration.ofSeconds(180));
        gateway = new JsonHttp(platform.gatewayUri());
        work1 = instance(platform.ports().get("work-service"));
        notification1 = instance(platform.ports().get("notification-service"));
        work2 = instance(platform.startInstance("work-service", SECOND_WORK));
        notification2 = instance(platform.startInstance("notification-service", SECOND_NOTIFICATION));
        context1 = instance(platform.ports().get("context-service"));
        context2 = instance(platform.startInstance("context-service", SECOND_CONTEXT));
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() throws Exception {
        TestPlatforms.stopAndDropDatabases(platform);
        // the instances' logs outlive the temporary directory, for a look at what each did
        Path logs = Path.of("target", "scale-out-logs");
        java.nio.file.Files.createDirectories(logs);
        try (var files = java.nio.file.Files.list(platform.config().dataDir().resolve("logs"))) {
            for (Path log : files.toList()) {
                java.nio.file.Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(1)
    void twoContextServiceInstancesShareTheSegmentsAndKeepTagsUniqueAcrossThem() throws Exception {
        // both context-service instances hold segments of every processor that has more than one
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, Set<String>> owners = tokenOwners(contextDatabase());
            for (Map.Entry<String, Set<String>> processor : owners.entrySet()) {
                if (segments(contextDatabase(), processor.getKey()) > 1) {
                    assertThat(processor.getValue()).as("owners of %s", processor.getKey()).hasSize(2).contains(SECOND_CONTEXT);
                }
            }
            assertThat(owners).containsKeys("asset-tree", "sites");
        });
        System.out.println("[scale] context-service token owners with both instances: " + tokenOwners(contextDatabase()));

        Map<String, Object> siteBody = new LinkedHashMap<>();
        siteBody.put("id", site);
        siteBody.put("code", "SCALE-" + suffix.toUpperCase());
        siteBody.put("name", "Scale-out site " + suffix);
        siteBody.put("timeZone", "Europe/Paris");
        JsonHttp.Response registered = gateway.post("/api/sites", siteBody, Map.of("Authorization", new DevLoginTokens(gateway).authorization("olga.admin")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, String> assets = new ConcurrentHashMap<>();
        try {
            // distinct assets through both instances at once
            List<Future<JsonHttp.Response>> distinct = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                JsonHttp via = i % 2 == 0 ? context1 : context2;
                String tag = "P-" + (100 + i);
                distinct.add(pool.submit(() -> registerAsset(via, tag)));
            }
            for (Future<JsonHttp.Response> f : distinct) {
                JsonHttp.Response response = f.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                assets.put(response.json().path("tag").asText(), response.json().path("id").asText());
            }
            // the same tag, registered through both instances at the same moment: exactly one of them gets it
            for (int round = 0; round < 6; round++) {
                String tag = "V-" + round;
                Future<JsonHttp.Response> a = pool.submit(() -> registerAsset(context1, tag));
                Future<JsonHttp.Response> b = pool.submit(() -> registerAsset(context2, tag));
                List<JsonHttp.Response> both = List.of(a.get(), b.get());
                assertThat(both).extracting(JsonHttp.Response::status).as("registering %s twice: %s", tag, both)
                        .containsExactlyInAnyOrder(201, 409);
                JsonHttp.Response refused = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(refused.body()).contains("already used on this site");
                JsonHttp.Response won = both.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
                assets.put(tag, won.json().path("id").asText());
            }
            // If-Match: the two instances change the same asset at the same version; one wins, the other is told 412
            String pump = assets.get("P-100");
            long version = get(context1, "/api/assets/" + pump).path("version").asLong();
            Future<Integer> a = pool.submit(() -> assetStatus(context1, pump, version, "OUT_OF_SERVICE"));
            Future<Integer> b = pool.submit(() -> assetStatus(context2, pump, version, "OUT_OF_SERVICE"));
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }

        // the store holds each asset's events in contiguous sequences, and each tag once
        try (Connection c = contextDatabase(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber FROM domainevententry WHERE aggregateidentifier = ANY (?) "
                        + "ORDER BY aggregateidentifier, sequencenumber")) {
            s.setArray(1, c.createArrayOf("varchar", assets.values().toArray()));
            Map<String, List<Long>> sequences = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sequences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            assertThat(sequences).hasSize(assets.size());
            sequences.forEach((id, seq) -> assertThat(seq).as("sequences of %s", id).isEqualTo(
                    java.util.stream.LongStream.range(0, seq.size()).boxed().toList()));
            assertThat(sequences.get(assets.get("P-100"))).hasSize(2);
        }
        // the asset read model, projected by both instances' segments, is the store's fold: every tag once
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode list = get(context1, "/api/assets?siteId=" + site + "&size=100");
            assertThat(list.path("total").asInt()).isEqualTo(assets.size());
            Map<String, String> listed = new TreeMap<>();
            list.path("items").forEach(item -> listed.put(item.path("tag").asText(), item.path("id").asText()));
            assertThat(listed).isEqualTo(new TreeMap<>(assets));
            assertThat(get(context2, "/api/assets/" + assets.get("P-100")).path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        });
    }

    @Test
    @Order(2)
    void twoInstancesOfEachServiceShareTheWorkAndTheSurvivorsTakeOverWhenOneGoes() throws Exception {
        // both work-service instances hold segments of every processor that has more than one
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, Set<String>> owners = tokenOwners();
            for (Map.Entry<String, Set<String>> processor : owners.entrySet()) {
                if (segments(processor.getKey()) > 1) {
                    assertThat(processor.getValue()).as("owners of %s", processor.getKey()).hasSize(2).contains(SECOND_WORK);
                }
            }
            assertThat(owners).containsKeys("work-board", "work-publisher");
        });
        System.out.println("[scale] token owners with both instances: " + tokenOwnerRows());
        // both notification-service instances hold partitions of the one consumer group
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(notificationGroup()).hasSize(2)
                .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty()));
        System.out.println("[scale] notification-service consumer group: " + notificationGroup());

        // tokens first: the requests below run in parallel
        List.of(planner, owner, watcher).forEach(this::auth);
        // distinct work items, requested through both instances at once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> requested = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                JsonHttp via = i % 2 == 0 ? work1 : work2;
                int n = i;
                requested.add(pool.submit(() -> request(via, "Scale-out check " + n)));
            }
            for (Future<String> f : requested) {
                workIds.add(f.get());
            }

            // the same work items, commented on concurrently through both instances: races for the same aggregate
            List<String> hot = workIds.subList(0, 3);
            List<Future<?>> comments = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                JsonHttp via = t % 2 == 0 ? work1 : work2;
                for (String id : hot) {
                    comments.add(pool.submit(() -> {
                        for (int c = 0; c < 6; c++) {
                            comment(via, id);
                        }
                    }));
                }
            }
            for (Future<?> f : comments) {
                f.get();
            }

            // If-Match: two instances plan the same item at the same version; one wins, the other is told 412
            for (String id : hot) {
                long version = get(work1, "/api/work/" + id).path("version").asLong();
                Future<Integer> a = pool.submit(() -> plan(work1, id, version));
                Future<Integer> b = pool.submit(() -> plan(work2, id, version));
                assertThat(List.of(a.get(), b.get())).as("plan of %s at version %d", id, version).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.keySet()).as("statuses of the comments: %s", statuses).isSubsetOf(201, 409).contains(201);
        System.out.println("[scale] comment statuses: " + statuses + "; retries on instance 1: " + retried(work1)
                + ", on instance 2: " + retried(work2));

        assertTheStoreTheBoardKafkaAndTheInboxesAgree();

        // work-service-2 dies: its claims time out and the first instance takes its segments over
        long killedAt = System.nanoTime();
        platform.killService(SECOND_WORK);
        await().atMost(EVENTUALLY).untilAsserted(() -> tokenOwners().forEach((processor, who) ->
                assertThat(who).as("owners of %s", processor).hasSize(1).doesNotContain(SECOND_WORK).doesNotContainNull()));
        System.out.printf("[scale] segments taken over %.1f s after work-service-2 was killed: %s%n",
                (System.nanoTime() - killedAt) / 1e9, tokenOwnerRows());
        // notification-service-2 stops: the first instance gets all the partitions the group held
        Set<String> consumed = new HashSet<>();
        notificationGroup().values().forEach(consumed::addAll);
        assertThat(consumed).as("partitions of the topics notification-service consumes").hasSizeGreaterThan(2);
        platform.stopService(SECOND_NOTIFICATION);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            Map<String, Set<String>> group = notificationGroup();
            assertThat(group).hasSize(1);
            assertThat(group.values().iterator().next()).isEqualTo(consumed);
        });

        // the rest still flows, exactly once
        for (int i = 0; i < 4; i++) {
            String id = request(work1, "After the takeover " + i);
            workIds.add(id);
            comment(work1, id);
        }
        assertTheStoreTheBoardKafkaAndTheInboxesAgree();
    }

    private void assertTheStoreTheBoardKafkaAndTheInboxesAgree() throws Exception {
        // the store: per item sequences 0..n-1, each acknowledged comment exactly once
        Map<String, List<StoredEvent>> stored = storedEvents();
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(workIds);
        Set<String> eventIds = new HashSet<>();
        stored.forEach((id, events) -> {
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).as("sequence %d of %s", i, id).isEqualTo(i);
                eventIds.add(events.get(i).eventId());
            }
            List<String> commentIds = events.stream().filter(e -> e.type().endsWith("CommentAdded"))
                    .map(e -> e.payload().path("commentId").asText()).toList();
            assertThat(commentIds).as("comments stored on %s", id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(acknowledgedComments.getOrDefault(id, Set.of()));
        });
        // the board is the fold of the store
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode board = get(work1, "/api/work?siteId=" + site + "&size=200");
            assertThat(board.path("total").asInt()).isEqualTo(workIds.size());
            for (JsonNode row : board.path("items")) {
                String id = row.path("id").asText();
                assertThat(row.path("version").asLong()).as("board version of %s", id).isEqualTo(stored.get(id).size() - 1L);
                assertThat(row.path("status").asText()).isEqualTo(get(work1, "/api/work/" + id).path("status").asText());
            }
        });
        // Kafka: the CloudEvent ids published for these items are the stored events' ids
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<String> published = publishedIds(new HashSet<>(workIds));
            assertThat(new HashSet<>(published)).isEqualTo(eventIds);
            System.out.println("[scale] " + eventIds.size() + " events, " + published.size() + " records on Kafka ("
                    + (published.size() - eventIds.size()) + " published again)");
        });
        // the owner's inbox: one entry per work item, each event once
        Set<String> requestedEvents = new HashSet<>();
        stored.values().forEach(events -> requestedEvents.add(events.get(0).eventId()));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<String> inbox = inboxEventIds(owner);
            assertThat(inbox).doesNotHaveDuplicates();
            assertThat(new HashSet<>(inbox)).isEqualTo(requestedEvents);
        });
        // whatever the watcher hears of, it hears once
        assertThat(inboxEventIds(watcher)).doesNotHaveDuplicates().isSubsetOf(eventIds);
    }

    private String request(JsonHttp via, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", site);
        body.put("kind", "MAINTENANCE_CORRECTIVE");
        body.put("title", title);
        body.put("priority", "MEDIUM");
        body.put("ownerId", owner);
        body.put("watchers", List.of(watcher));
        JsonHttp.Response response = via.post("/api/work", body, auth(planner));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private void comment(JsonHttp via, String id) {
        JsonHttp.Response response = via.post("/api/work/" + id + "/comments", Map.of("text", "checked " + UUID.randomUUID()), auth(planner));
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() == 201) {
            acknowledgedComments.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(response.json().path("id").asText());
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.body()).contains("concurrent-modification");
        }
    }

    private JsonHttp.Response registerAsset(JsonHttp via, String tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", site);
        body.put("tag", tag);
        body.put("name", "Asset " + tag);
        body.put("assetClass", "PUMP");
        body.put("criticality", "A");
        JsonHttp.Response response = via.post("/api/assets", body, auth(planner));
        assertThat(response.status()).as(response.body()).isIn(201, 409);
        return response;
    }

    private int assetStatus(JsonHttp via, String id, long version, String status) {
        Map<String, String> headers = new HashMap<>(auth(planner));
        headers.put("If-Match", "\"" + version + "\"");
        JsonHttp.Response response = via.post("/api/assets/" + id + "/status", Map.of("status", status, "reason", "Scale-out check"), headers);
        assertThat(response.status()).as(response.body()).isIn(200, 412);
        return response.status();
    }

    private int plan(JsonHttp via, String id, long version) {
        Map<String, String> headers = new HashMap<>(auth(planner));
        headers.put("If-Match", "\"" + version + "\"");
        JsonHttp.Response response = via.post("/api/work/" + id + "/plan",
                Map.of("plannedStart", "2099-06-02T06:00:00Z", "plannedEnd", "2099-06-02T14:00:00Z"), headers);
        assertThat(response.status()).as(response.body()).isIn(200, 412);
        return response.status();
    }

    private JsonNode get(JsonHttp via, String path) {
        JsonHttp.Response response = via.get(path, auth(planner));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> inboxEventIds(String user) {
        JsonHttp.Response response = notification1.get("/api/notifications?size=200", auth(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("eventId").asText()));
        return ids;
    }

    private Map<String, String> auth(String user) {
        return Map.of("Authorization", tokens.computeIfAbsent(user, u -> {
            String role = u.equals(planner) ? "PLANNER" : "TECHNICIAN";
            JsonHttp.Response response = gateway.post(DemoSeeder.TOKEN_PATH,
                    Map.of("subject", u, "sites", Map.of(site, List.of(role))), Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return "Bearer " + response.json().path("access_token").asText();
        }));
    }

    private static JsonHttp instance(int port) {
        return new JsonHttp(URI.create("http://127.0.0.1:" + port + "/"));
    }

    private static double retried(JsonHttp instance) {
        JsonHttp.Response response = instance.get("/actuator/prometheus", Map.of());
        Matcher matcher = RETRIED.matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    // ---- PostgreSQL: work-service's event store and token table

    private record StoredEvent(long sequence, String eventId, String type, JsonNode payload) {
    }

    private Connection workDatabase() throws Exception {
        String database = platform.eventStoreDatabases().stream().filter(db -> db.contains("_work_")).findFirst().orElseThrow();
        PostgresServer server = PostgresServer.findOrStart(platform.config().postgresUrl(), platform.config().postgresUser(),
                platform.config().postgresPassword(), null);
        return server.connect(database);
    }

    private Connection contextDatabase() throws Exception {
        String database = platform.eventStoreDatabases().stream().filter(db -> db.contains("_context_")).findFirst().orElseThrow();
        PostgresServer server = PostgresServer.findOrStart(platform.config().postgresUrl(), platform.config().postgresUser(),
                platform.config().postgresPassword(), null);
        return server.connect(database);
    }

    private Map<String, List<StoredEvent>> storedEvents() throws Exception {
        Map<String, List<StoredEvent>> result = new TreeMap<>();
        try (Connection c = workDatabase(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ANY (?) ORDER BY aggregateidentifier, sequencenumber")) {
            Array ids = c.createArrayOf("varchar", workIds.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StoredEvent(rs.getLong(2), rs.getString(3),
                            rs.getString(4), JSON.readTree(new String(rs.getBytes(5), StandardCharsets.UTF_8))));
                }
            }
        }
        return result;
    }

    /** Owners of each processor's segments (null: a segment released and not claimed yet). */
    private Map<String, Set<String>> tokenOwners() throws Exception {
        return tokenOwners(workDatabase());
    }

    /** Owners of each processor's segments in one service's database, which this closes. */
    private static Map<String, Set<String>> tokenOwners(Connection database) throws Exception {
        Map<String, Set<String>> owners = new TreeMap<>();
        try (Connection c = database; ResultSet rs = c.createStatement().executeQuery(
                "SELECT processorname, owner FROM tokenentry WHERE processorname NOT LIKE '%replay%'")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return owners;
    }

    private String tokenOwnerRows() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = workDatabase(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT processorname, segment, owner FROM tokenentry ORDER BY processorname, segment")) {
            while (rs.next()) {
                rows.merge(rs.getString(1), rs.getInt(2) + "=" + rs.getString(3), (a, b) -> a + ", " + b);
            }
        }
        return rows.toString();
    }

    private int segments(String processor) throws Exception {
        return segments(workDatabase(), processor);
    }

    private static int segments(Connection database, String processor) throws Exception {
        try (Connection c = database; PreparedStatement s = c.prepareStatement("SELECT count(*) FROM tokenentry WHERE processorname = ?")) {
            s.setString(1, processor);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---- Kafka

    private String bootstrap() {
        return "127.0.0.1:" + platform.ports().get("kafka");
    }

    /** The partitions each member of notification-service's consumer group holds. */
    private Map<String, Set<String>> notificationGroup() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("notification-service"))
                    .describedGroups().get("notification-service").get();
            Map<String, Set<String>> members = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                Set<String> partitions = new HashSet<>();
                member.assignment().topicPartitions().forEach(tp -> partitions.add(tp.toString()));
                members.put(member.clientId() + "/" + member.consumerId(), partitions);
            }
            return members;
        }
    }

    /** Every CloudEvent id on sitework.work.v1 whose key is one of {@code keys}, as often as it was published. */
    private List<String> publishedIds(Set<String> keys) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("sitework.work.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end, partitions)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        ids.add(JSON.readTree(record.value()).path("id").asText());
                    }
                }
            }
        }
        return ids;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, Collection<TopicPartition> partitions) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }
}
