package io.sitework.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sitework.infra.PostgresServer;
import io.sitework.work.query.BenchBoardAccess;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios about the event store: Axon's append against raw JDBC, long aggregates, a grown store, replay
 * against Axon's defaults and a raw read, and reads of a large board.
 */
final class StoreScenarios {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoreScenarios() {
    }

    // ---------------------------------------------------------------- (c) append

    static void append(Sizes sizes, Report report) throws Exception {
        Report.Section s = report.section("append", "Event append: Axon's JDBC engine vs raw batched INSERT (throwaway database)");
        PostgresServer server = PostgresServer.findOrStart(System.getenv("SITEWORK_POSTGRES_URL"), System.getenv("SITEWORK_POSTGRES_USER"),
                System.getenv("SITEWORK_POSTGRES_PASSWORD"), Path.of("benchmarks", "results", "postgres").toAbsolutePath());
        String db = "sitework_bench_append_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        server.createDatabaseIfMissing(db);
        HikariDataSource ds = dataSource(server, db, 4);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/axon").outOfOrder(true)
                    .placeholders(Map.of("appUser", "sitework_app", "appPassword", "")).load().migrate();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // the same columns, constraints and indexes, without our triggers (hash chain, site index)
                st.execute("CREATE TABLE raw_events (LIKE domainevententry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            }
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
            ConnectionProvider connections = new SpringDataSourceConnectionProvider(ds);
            TransactionManager tx = new SpringTransactionManager(new DataSourceTransactionManager(ds));
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(tx)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            Map<String, Object> payload = payload(UUID.randomUUID());
            byte[] payloadBytes = JSON.writeValueAsBytes(payload);
            MetaData metaData = MetaData.with("correlationId", UUID.randomUUID().toString()).and("actor", "bench.planner")
                    .and("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            byte[] metaBytes = JSON.writeValueAsBytes(metaData);
            int batch = sizes.appendBatch();
            int perIteration = sizes.appendEvents() / sizes.iterations();
            Series axon = new Series("Axon JdbcEventStorageEngine, " + batch + " events per transaction");
            Series axonSingle = new Series("Axon, 1 event per transaction (as one command)");
            Series raw = new Series("raw batched INSERT, same rows, table without triggers");
            Series rawTriggers = new Series("raw batched INSERT into domainevententry (with the hash-chain trigger)");
            // warm-up: each path once, small
            axonRun(engine, tx, payload, metaData, batch, batch * 10);
            rawRun(ds, "raw_events", payloadBytes, metaBytes, batch, batch * 10);
            rawRun(ds, "domainevententry", payloadBytes, metaBytes, batch, batch * 10);
            for (int i = 0; i < sizes.iterations(); i++) {
                axon.add(axonRun(engine, tx, payload, metaData, batch, perIteration));
                raw.add(rawRun(ds, "raw_events", payloadBytes, metaBytes, batch, perIteration));
                rawTriggers.add(rawRun(ds, "domainevententry", payloadBytes, metaBytes, batch, perIteration));
                axonSingle.add(axonRun(engine, tx, payload, metaData, 1, Math.max(100, perIteration / 20)));
            }
            s.series(axon).series(raw).series(rawTriggers).series(axonSingle);
            double ratio = axon.medianThroughput() / raw.medianThroughput();
            s.value("payload bytes", (double) payloadBytes.length).value("metadata bytes", (double) metaBytes.length)
                    .value("Axon / raw", ratio)
                    .value("raw with our triggers / raw", rawTriggers.medianThroughput() / raw.medianThroughput());
            s.note("ops/s are events/s; latencies are per transaction (" + batch + " events, or 1). Each transaction appends to a new aggregate.");
            report.target(new Report.Target("append", "Axon append ≥ 50% of raw insert (events/s)", ratio, 0.5, true,
                    "the difference between 'raw' and 'raw into domainevententry' is our hash-chain trigger (a SHA-256 over "
                            + "each row and a lookup of the predecessor's hash); the rest is Axon's per-event serialisation"));
        } finally {
            ds.close();
            server.dropDatabaseIfExists(db);
            if (server.isEmbedded()) {
                server.close();
            }
        }
    }

    static HikariDataSource dataSource(PostgresServer server, String db, int pool) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(server.jdbcUrl(db) + "?reWriteBatchedInserts=true");
        c.setUsername(server.user());
        c.setPassword(server.password());
        c.setMaximumPoolSize(pool);
        c.setAutoCommit(true);
        return new HikariDataSource(c);
    }

    static Map<String, Object> payload(UUID workId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workId", workId.toString());
        p.put("siteId", Bench.SITE.toString());
        p.put("kind", "MAINTENANCE_CORRECTIVE");
        p.put("title", "Replace the mechanical seal of pump P-101");
        p.put("description", "Pump P-101 leaks at the mechanical seal; replace the seal, check the alignment and the "
                + "bearings, record the vibration before and after, and hand the area back clean. Isolation by the shift lead.");
        p.put("priority", "HIGH");
        p.put("ownerId", "bruno.tech");
        p.put("assetIds", List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        p.put("requestedBy", "anna.planner");
        p.put("requestedAt", Instant.now().toString());
        return p;
    }

    private static Load.Run axonRun(JdbcEventStorageEngine engine, TransactionManager tx, Map<String, Object> payload, MetaData meta,
                                    int batch, int events) {
        org.HdrHistogram.Histogram h = Load.histogram();
        long start = System.nanoTime();
        int done = 0;
        while (done < events) {
            String aggregate = UUID.randomUUID().toString();
            List<GenericDomainEventMessage<?>> messages = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                messages.add(new GenericDomainEventMessage<>("Work", aggregate, i, payload, meta));
            }
            long t0 = System.nanoTime();
            tx.executeInTransaction(() -> engine.appendEvents(messages));
            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
            done += batch;
        }
        return new Load.Run(done, 0, (System.nanoTime() - start) / 1e9, h, null);
    }

    private static Load.Run rawRun(HikariDataSource ds, String table, byte[] payload, byte[] meta, int batch, int events) throws Exception {
        org.HdrHistogram.Histogram h = Load.histogram();
        long start = System.nanoTime();
        int done = 0;
        String ts = Instant.now().toString();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Generator.INSERT.replace("domainevententry", table))) {
                while (done < events) {
                    long t0 = System.nanoTime();
                    String aggregate = UUID.randomUUID().toString();
                    for (int i = 0; i < batch; i++) {
                        ps.setString(1, aggregate);
                        ps.setLong(2, i);
                        ps.setString(3, "Work");
                        ps.setString(4, UUID.randomUUID().toString());
                        ps.setBytes(5, meta);
                        ps.setBytes(6, payload);
                        ps.setString(7, null);
                        ps.setString(8, "java.util.LinkedHashMap");
                        ps.setString(9, ts);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                    h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    done += batch;
                }
            }
        }
        return new Load.Run(done, 0, (System.nanoTime() - start) / 1e9, h, null);
    }

    // ---------------------------------------------------------------- (h) long aggregates

    static void longAggregates(Bench bench, Sizes sizes, Report report) throws Exception {
        Report.Section s = report.section("long-aggregates", "Long aggregates: a command on work with "
                + sizes.longAggregateEvents() + " events vs 10");
        Api api = bench.direct("work-service", null);
        String longId = api.post("/api/work", Api.newWork(Bench.SITE, "Long-lived round", null)).get("id").asText();
        String shortId = api.post("/api/work", Api.newWork(Bench.SITE, "Short-lived work", null)).get("id").asText();
        String commentId = api.post("/api/work/" + longId + "/comments", "{\"text\":\"Reading 1: 4.2 bar\"}").get("id").asText();
        for (int i = 0; i < 9; i++) {
            api.post("/api/work/" + shortId + "/comments", "{\"text\":\"Reading " + i + "\"}");
        }
        try (Connection db = bench.workDb()) {
            List<Generator.Row> rows = Generator.template(db, longId);
            Generator.Row comment = rows.get(rows.size() - 1);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(Generator.INSERT)) {
                for (long seq = rows.size(); seq < sizes.longAggregateEvents(); seq++) {
                    Generator.add(insert, comment, longId, seq, Map.of(commentId, UUID.randomUUID().toString()));
                    if (seq % 1000 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        s.value("snapshot threshold (work-service sitework.work.snapshot-threshold)", "100 events (EventCountSnapshotTriggerDefinition in WorkConfig)");
        // the first command loads all events and triggers the snapshot; then warm up both
        Series firstLoad = new Series("first command on the long aggregate (loads every event, then snapshots)");
        long t0 = System.nanoTime();
        api.post("/api/work/" + longId + "/comments", "{\"text\":\"first\"}");
        firstLoad.record((System.nanoTime() - t0) / 1000);
        Thread.sleep(1000);
        for (int i = 0; i < 10; i++) {
            api.post("/api/work/" + longId + "/comments", "{\"text\":\"warm\"}");
            api.post("/api/work/" + shortId + "/comments", "{\"text\":\"warm\"}");
        }
        Series longS = new Series("comment on work with " + sizes.longAggregateEvents() + "+ events");
        Series shortS = new Series("comment on work with 10+ events");
        for (int i = 0; i < sizes.longSamples(); i++) {
            long a = System.nanoTime();
            api.post("/api/work/" + longId + "/comments", "{\"text\":\"r" + i + "\"}");
            longS.record((System.nanoTime() - a) / 1000);
            long b = System.nanoTime();
            api.post("/api/work/" + shortId + "/comments", "{\"text\":\"r" + i + "\"}");
            shortS.record((System.nanoTime() - b) / 1000);
        }
        s.series(firstLoad).series(shortS).series(longS);
        try (Connection db = bench.workDb(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = '" + longId + "'")) {
            rs.next();
            s.value("snapshots of the long aggregate", (double) rs.getLong(1));
        }
        double ratio = longS.millis(99) / shortS.millis(99);
        s.value("p99 long / short", ratio).value("p50 long / short", longS.millis(50) / shortS.millis(50));
        s.note("the short aggregate grows by the samples (" + sizes.longSamples() + " comments) and passes the snapshot threshold too; "
                + "the history of the long one was written by the generator, so its first load reads it all");
        report.target(new Report.Target("long-aggregates", "long aggregate p99 ≤ 1.2× short", ratio, 1.2, false,
                "see the first-command row for a load without snapshot; after it, the board's live processor reads and rewrites "
                        + "the long item's whole document (every comment in it) per event, and that backlog competes with the "
                        + "commands on it (work-service's profile: MongoDB driver; docs/performance.md)"));
    }

    // ---------------------------------------------------------------- (g) growth

    /** Fills the event store with generated history, waits for the processors, and measures commands again. */
    static void growth(Bench bench, Sizes sizes, Report report, List<UUID> sites, double rate, double emptyP99, boolean measure) throws Exception {
        Report.Section s = report.section("growth", "Store growth: command p99 with " + sizes.growthEvents() + " generated events vs an empty store");
        Api api = bench.direct("work-service", null);
        // a template: a work item through its life, one event per step
        String id = api.post("/api/work", Api.newWork(Bench.SITE, "Template", "bruno.tech")).get("id").asText();
        Instant now = Instant.now();
        api.post("/api/work/" + id + "/plan", "{\"plannedStart\":\"" + now.plusSeconds(3600) + "\",\"plannedEnd\":\"" + now.plusSeconds(7200) + "\"}");
        api.post("/api/work/" + id + "/start", "");
        String comment = api.post("/api/work/" + id + "/comments", "{\"text\":\"Seal replaced, alignment within 0.05 mm\"}").get("id").asText();
        api.post("/api/work/" + id + "/complete", "{\"outcome\":\"Seal replaced\"}");
        Random random = new Random(42);
        long inserted = 0;
        long items = 0;
        // the history is old history: written while work-service is stopped, and its processors' tokens moved past it,
        // as if they had handled it long ago (no flood of re-publication to Kafka); the replay scenario rebuilds the board from it
        awaitProcessors(bench, Duration.ofSeconds(120));
        Instant stop0 = Instant.now();
        bench.stopService("work-service");
        Instant t0 = Instant.now();
        long head;
        try (Connection db = bench.workDb()) {
            List<Generator.Row> rows = Generator.template(db, id);
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(Generator.INSERT)) {
                int pending = 0;
                while (inserted < sizes.growthEvents()) {
                    String aggregate = UUID.randomUUID().toString();
                    UUID site = sites.get(random.nextInt(sites.size()));
                    Map<String, String> replace = Map.of(id, aggregate, Bench.SITE.toString(), site.toString(), comment, UUID.randomUUID().toString());
                    int length = 1 + random.nextInt(rows.size());
                    for (int i = 0; i < length; i++) {
                        Generator.add(insert, rows.get(i), aggregate, i, replace);
                    }
                    inserted += length;
                    items++;
                    pending += length;
                    if (pending >= 2000) {
                        insert.executeBatch();
                        db.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            double genSeconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            s.value("generated events", (double) inserted).value("generated work items", (double) items)
                    .value("generator events/s (real schema, triggers on)", inserted / genSeconds);
            head = Generator.head(db);
            try (PreparedStatement move = db.prepareStatement("UPDATE tokenentry SET token = ?, owner = NULL "
                    + "WHERE tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken'")) {
                move.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
                move.executeUpdate();
            }
            db.commit();
        }
        bench.startService("work-service");
        s.value("work-service stopped, history written, restarted (s)", Duration.between(stop0, Instant.now()).toMillis() / 1000.0);
        try (Connection db = bench.workDb()) {
            s.value("events stored", (double) Generator.count(db));
        }
        if (!measure || Double.isNaN(rate)) {
            return;
        }
        Load.Op create = (client, n) -> api.post("/api/work", Api.newWork(Bench.SITE, "Grown c" + client + " n" + n, null));
        // a restarted JVM is cold: warm it up as long as the empty store's measurement had been (gateway and commands scenarios)
        Load.closed(8, sizes.warmup().multipliedBy(3), create);
        Load.open(rate, sizes.warmup(), 256, create);
        Series grown = new Series(String.format(java.util.Locale.ROOT, "commands at %.0f/s with %d events stored", rate, inserted));
        grown.add(Load.open(rate, sizes.loadStep(), 256, create));
        s.series(grown);
        double ratio = grown.millis(99) / emptyP99;
        s.value("p99 with an empty store (ms, commands scenario at half saturation)", emptyP99).value("p99 grown / empty", ratio);
        s.note("the issue's 10M events scaled down to " + sizes.growthEvents() + " so the whole suite fits in 30 minutes on 2 cores; "
                + "commands append by aggregate id (unique index) and load only their own aggregate, so the store's size enters "
                + "through index depth and cache misses only");
        report.target(new Report.Target("growth", "command p99 grown ≤ 1.5× empty", ratio, 1.5, false,
                "the grown store is measured on a work-service restarted after the history was written: compare its "
                        + "profile (JDBC share) with the empty-store run; docs/performance.md"));
    }

    /** Waits (at most {@code cap}) until every processor of work-service has handled every stored event. */
    static boolean awaitProcessors(Bench bench, Duration cap) throws Exception {
        Instant c0 = Instant.now();
        try (Connection db = bench.workDb()) {
            long head = Generator.head(db);
            while (Generator.slowestProcessor(db, "bench-") < head) {
                if (Duration.between(c0, Instant.now()).compareTo(cap) > 0) {
                    return false;
                }
                Thread.sleep(1000);
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- (e) replay

    static void replay(Bench bench, Sizes sizes, Report report, Path outDir) throws Exception {
        Report.Section s = report.section("replay", "Replay: rebuilding the work board vs Axon's default processor vs a raw read");
        Api admin = bench.direct("work-service", null);
        long events;
        try (Connection db = bench.workDb()) {
            events = Generator.count(db);
        }
        // 1. raw sequential read of the event table
        Instant r0 = Instant.now();
        long rows = 0;
        long bytes = 0;
        try (Connection db = bench.workDb()) {
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery("SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadrevision, payloadtype, timestamp FROM domainevententry ORDER BY globalindex")) {
                    while (rs.next()) {
                        rows++;
                        bytes += rs.getBytes(7).length + (rs.getBytes(6) == null ? 0 : rs.getBytes(6).length);
                    }
                }
            }
        }
        double rawRate = rows / (Duration.between(r0, Instant.now()).toMillis() / 1000.0);
        // 2. the rebuild endpoint
        String path = "/api/admin/replay/work-service/work-board";
        admin.post(path, "");
        JsonNode progress;
        Instant p0 = Instant.now();
        do {
            Thread.sleep(500);
            progress = admin.get(path);
        } while (("RUNNING".equals(progress.path("state").asText()) || "SWITCHING".equals(progress.path("state").asText()))
                && Duration.between(p0, Instant.now()).toMinutes() < 15);
        double rebuildSeconds = Duration.between(Instant.parse(progress.get("startedAt").asText()),
                Instant.parse(progress.path("finishedAt").asText(Instant.now().toString()))).toMillis() / 1000.0;
        double rebuildRate = progress.path("eventsDone").asLong() / rebuildSeconds;
        s.value("rebuild state", progress.path("state").asText()).value("rebuild events", (double) progress.path("eventsDone").asLong())
                .value("rebuild seconds (startedAt → finishedAt)", rebuildSeconds);
        // 3. Axon's defaults: a TrackingEventProcessor as configured out of the box (1 thread, 1 segment, batch size 1,
        //    a token update per event) folding with the same projection into a collection of its own
        double defaultRate = axonDefaults(bench, sizes, s);
        Series dummy = null;
        s.value("events in the store", (double) events).value("raw read events/s", rawRate).value("raw read MB", bytes / 1e6)
                .value("rebuild endpoint events/s", rebuildRate).value("Axon default processor events/s", defaultRate)
                .value("rebuild / Axon defaults", rebuildRate / defaultRate).value("rebuild / raw read", rebuildRate / rawRate);
        report.target(new Report.Target("replay", "rebuild ≥ 10× Axon defaults", rebuildRate / defaultRate, 10, true,
                "both read fast and write slowly: per event the board store reads and rewrites the work item's document "
                        + "(MongoWorkBoardStore.find and save in work-service's profile); the default processor adds only a token "
                        + "write per event to that"));
        report.target(new Report.Target("replay", "rebuild ≥ 25% of the raw read", rebuildRate / rawRate, 0.25, true,
                "a raw read only moves bytes; the rebuild deserialises every event and writes the board document to "
                        + "MongoDB (here the in-process mongo-java-server of the embedded default)"));
        Plot.bars(List.of("raw sequential read", "rebuild endpoint", "Axon default processor"), List.of(rawRate, rebuildRate, defaultRate),
                "Replay of the work board (" + events + " events)", "events/s", outDir.resolve("replay-rates.png"));
        report.image("replay-rates.png");
        s.note("the issue's 1M events scaled down to the generated history (" + events + " events) to fit in 30 minutes");
    }

    private static double axonDefaults(Bench bench, Sizes sizes, Report.Section s) throws Exception {
        PostgresServer server = bench.postgres();
        HikariDataSource ds = dataSource(server, bench.workDatabase(), 4);
        MongoClient mongoClient = MongoClients.create(bench.mongoUri(bench.workDatabase()));
        String collection = "bench_axon_defaults";
        String name = "bench-axon-defaults";
        TrackingEventProcessor processor = null;
        try {
            MongoTemplate mongo = new MongoTemplate(mongoClient, bench.workDatabase());
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
            ConnectionProvider connections = new SpringDataSourceConnectionProvider(ds);
            TransactionManager tx = new SpringTransactionManager(new DataSourceTransactionManager(ds));
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(tx)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            AtomicLong handled = new AtomicLong();
            processor = TrackingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                            .eventHandlers(BenchBoardAccess.projectionInto(mongo, collection)).build())
                    .messageSource(store)
                    .tokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build())
                    .transactionManager(tx)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                    .build();
            processor.registerHandlerInterceptor((unitOfWork, chain) -> {
                handled.incrementAndGet();
                return chain.proceed();
            });
            long total;
            try (Connection db = bench.workDb()) {
                total = Generator.count(db);
            }
            Instant t0 = Instant.now();
            processor.start();
            while (handled.get() < total && Duration.between(t0, Instant.now()).compareTo(sizes.defaultReplayCap()) < 0) {
                Thread.sleep(200);
            }
            double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            s.value("Axon default processor: events handled", (double) handled.get()).value("Axon default processor: seconds (capped at "
                    + sizes.defaultReplayCap().toSeconds() + ")", seconds);
            return handled.get() / seconds;
        } finally {
            if (processor != null) {
                processor.shutDown();
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM tokenentry WHERE processorname = '" + name + "'");
            } catch (Exception ignored) {
                // a leftover token row of a throwaway database
            }
            try {
                mongoClient.getDatabase(bench.workDatabase()).getCollection(collection).drop();
            } catch (Exception ignored) {
                // the database goes with the platform
            }
            mongoClient.close();
            ds.close();
        }
    }

    // ---------------------------------------------------------------- (f) reads

    static void reads(Bench bench, Sizes sizes, Report report, List<UUID> sites) throws Exception {
        Report.Section s = report.section("reads", "Reads of a large board (MongoDB)");
        Api api = bench.direct("work-service", null);
        Api gw = bench.viaGateway();
        long total = api.get("/api/work?size=1").path("total").asLong();
        s.value("work items on the board", (double) total);
        UUID site = sites.get(0);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("site board", "/api/work/board?siteId=" + site);
        queries.put("filtered list (status IN_PROGRESS, by due date)", "/api/work?siteId=" + site + "&status=IN_PROGRESS&sort=dueAt,asc&size=50");
        queries.put("search q=seal, page 2", "/api/work?siteId=" + site + "&q=seal&page=2&size=50");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Load.Op op = (client, n) -> gw.get(q.getValue());
            Load.closed(sizes.readClients(), sizes.warmup(), op);
            Series series = new Series(q.getKey() + " via gateway");
            for (int i = 0; i < sizes.iterations(); i++) {
                series.add(Load.closed(sizes.readClients(), sizes.iteration(), op));
            }
            s.series(series);
        }
        s.note("MongoDB here is the embedded default's in-process mongo-java-server (no query planner, compound indexes "
                + "not built): real MongoDB under docker-compose or Kubernetes answers these from indexes. The issue's 1M work "
                + "items scaled down to the generated history.");
    }
}
