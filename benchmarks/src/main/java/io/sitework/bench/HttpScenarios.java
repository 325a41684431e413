package io.sitework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scenarios that drive the running platform over HTTP: the gateway against the service's own port, command
 * throughput with 1 and 8 clients and latency against offered load, and event → inbox against Kafka's own
 * end-to-end latency on the same broker.
 */
final class HttpScenarios {

    static final int GATEWAY_CLIENTS = 8;

    /**
     * How often work-service's publishing processor looks for new events when it has caught up: Axon's pooled
     * streaming processor re-polls every 500 ms when its event stream offers no availability callback, which the
     * JDBC event store's does not. The "1 poll interval" of the event → inbox target.
     */
    static final long AXON_POLL_MS = 500;

    private HttpScenarios() {
    }

    /** (a) A read ({@code GET /api/work/{id}}) and a command ({@code POST /api/work}) through the gateway and straight to work-service. */
    static void gatewayVsDirect(Bench bench, Sizes sizes, Report report) throws Exception {
        Report.Section s = report.section("gateway", "Gateway vs direct (" + GATEWAY_CLIENTS + " closed-loop clients)");
        Api gw = bench.viaGateway();
        Api direct = bench.direct("work-service", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ids.add(direct.post("/api/work", Api.newWork(Bench.SITE, "Read target " + i, null)).get("id").asText());
        }
        for (String kind : List.of("read", "command")) {
            Series viaGateway = new Series(kind + " via gateway");
            Series viaDirect = new Series(kind + " direct to work-service");
            Load.Op gwOp = op(kind, gw, ids);
            Load.Op directOp = op(kind, direct, ids);
            Load.closed(GATEWAY_CLIENTS, sizes.warmup(), directOp);
            Load.closed(GATEWAY_CLIENTS, sizes.warmup(), gwOp);
            // interleaved, so a disturbance on the shared machine hits both sides alike
            for (int i = 0; i < sizes.iterations(); i++) {
                viaDirect.add(Load.closed(GATEWAY_CLIENTS, sizes.iteration(), directOp));
                viaGateway.add(Load.closed(GATEWAY_CLIENTS, sizes.iteration(), gwOp));
            }
            s.series(viaDirect).series(viaGateway);
            double tp = viaGateway.medianThroughput() / viaDirect.medianThroughput();
            double p99 = viaGateway.millis(99) / viaDirect.millis(99);
            s.value(kind + " throughput ratio gateway/direct", tp).value(kind + " p99 ratio gateway/direct", p99);
            String why = "at saturation the gateway JVM competes with work-service for the same 2 cores; every request costs the "
                    + "gateway its own JWT check, a Redis rate-limit call and a second HTTP hop (see the gateway's profile below)";
            report.target(new Report.Target("gateway", kind + " throughput gateway/direct", tp, 0.85, true, why));
            report.target(new Report.Target("gateway", kind + " p99 gateway/direct", p99, 1.3, false, why));
        }
        s.note("read: GET /api/work/{id} of 32 items (an event-sourced read: the item's events from PostgreSQL); "
                + "command: POST /api/work (a new aggregate each time). The gateway's rate limit is raised for the run "
                + "(it still calls Redis for every request).");
    }

    private static Load.Op op(String kind, Api api, List<String> ids) {
        if (kind.equals("read")) {
            return (client, n) -> api.get("/api/work/" + ids.get((int) ((client * 7 + n) % ids.size())));
        }
        return (client, n) -> api.post("/api/work", Api.newWork(Bench.SITE, "Bench c" + client + " n" + n, null));
    }

    /**
     * (b) Commands/s with 1 and 8 clients (each command a new aggregate), then an open workload at fractions of the
     * 8-client saturation: latency percentiles against offered load (the plot), p99 at half saturation.
     * Returns the half-saturation rate and its p99 (the empty-store reference of the growth scenario).
     */
    static double[] commands(Bench bench, Sizes sizes, Report report, java.nio.file.Path outDir) throws Exception {
        Report.Section s = report.section("commands", "Commands: 1 vs 8 clients, latency vs load (straight to work-service)");
        Api direct = bench.direct("work-service", null);
        Load.Op create = (client, n) -> direct.post("/api/work", Api.newWork(Bench.SITE, "Scale c" + client + " n" + n, null));
        Series one = new Series("1 client");
        Series eight = new Series("8 clients");
        Load.closed(8, sizes.warmup(), create);
        for (int i = 0; i < sizes.iterations(); i++) {
            one.add(Load.closed(1, sizes.iteration(), create));
            eight.add(Load.closed(8, sizes.iteration(), create));
        }
        s.series(one).series(eight);
        double scaling = eight.medianThroughput() / one.medianThroughput();
        s.value("8 clients / 1 client", scaling);
        report.target(new Report.Target("commands", "8 clients ≥ 3× 1 client", scaling, 3.0, true,
                "two cores serve the whole platform: one command already keeps work-service, PostgreSQL, the publishing "
                        + "processor, Kafka and notification-service busy, so 8 clients can add little more than the idle time "
                        + "of one client's round trips (see work-service's profile)"));
        double saturation = eight.medianThroughput();
        double[] fractions = {0.25, 0.5, 0.75, 0.9};
        List<double[]> points = new ArrayList<>();
        double halfP99 = Double.NaN;
        for (double f : fractions) {
            double rate = Math.max(1, saturation * f);
            Series open = new Series(String.format(java.util.Locale.ROOT, "open load %.0f%% of saturation (%.0f/s)", f * 100, rate));
            open.add(Load.open(rate, sizes.loadStep(), 256, create));
            s.series(open);
            points.add(new double[]{rate, open.millis(50), open.millis(90), open.millis(99)});
            if (f == 0.5) {
                halfP99 = open.millis(99);
            }
        }
        s.value("p99 at half saturation (ms)", halfP99);
        String png = "commands-latency-vs-load.png";
        Plot.latencyVsLoad(points, "Command latency vs offered load (work-service, open workload)", outDir.resolve(png));
        report.image(png);
        return new double[]{saturation * 0.5, halfP99};
    }

    /**
     * (d) From a command's 201 to the inbox entry it causes being visible (polled at notification-service every
     * {@code POLL_MS}), against a plain producer → consumer round on the same broker.
     */
    static void inbox(Bench bench, Sizes sizes, Report report) throws Exception {
        Report.Section s = report.section("inbox", "Event → inbox vs raw Kafka end-to-end");
        final long pollMs = 20;
        String owner = "bench.owner." + UUID.randomUUID().toString().substring(0, 6);
        String ownerToken = bench.token(owner, false);
        Api work = bench.direct("work-service", null);
        Api inbox = bench.direct("notification-service", ownerToken);
        Series e2e = new Series("command acknowledged → inbox entry visible");
        Series toKafka = new Series("  of which: command acknowledged → its event on sitework.work.v1");
        Series fromKafka = new Series("  of which: event on sitework.work.v1 → inbox entry visible");
        // when each work item's first integration event reaches the topic: a consumer of our own on the work topic
        Map<String, Long> onTopic = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean stopWatching = new AtomicBoolean();
        Thread watcher = watchTopic(bench.kafkaBootstrap(), "sitework.work.v1", onTopic, stopWatching);
        int warm = Math.max(3, sizes.inboxSamples() / 10);
        java.util.Random jitter = new java.util.Random(7);
        long total = inbox.get("/api/notifications/counts").get("total").asLong();
        for (int i = 0; i < sizes.inboxSamples() + warm; i++) {
            // a random pause first: sequential probes would otherwise lock onto the publishing processor's polling phase
            Thread.sleep(jitter.nextInt((int) AXON_POLL_MS));
            String workId = work.post("/api/work", Api.newWork(Bench.SITE, "Inbox probe " + i, owner)).get("id").asText();
            long acked = System.nanoTime();
            long deadline = acked + Duration.ofSeconds(30).toNanos();
            boolean seen = false;
            while (System.nanoTime() < deadline) {
                long now = inbox.get("/api/notifications/counts").get("total").asLong();
                if (now > total) {
                    total = now;
                    seen = true;
                    break;
                }
                Thread.sleep(pollMs);
            }
            if (i >= warm) {
                if (seen) {
                    long visible = System.nanoTime();
                    e2e.record((visible - acked) / 1000);
                    Long topic = onTopic.get(workId);
                    if (topic != null) {
                        toKafka.record(Math.max(1, (topic - acked) / 1000));
                        fromKafka.record(Math.max(1, (visible - topic) / 1000));
                    }
                } else {
                    e2e.error("no inbox entry within 30 s");
                }
            }
        }
        stopWatching.set(true);
        watcher.join(5000);
        Series kafka = rawKafka(bench.kafkaBootstrap(), sizes.kafkaSamples());
        s.series(e2e).series(toKafka).series(fromKafka).series(kafka);
        double limit = 3 * kafka.millis(99) + AXON_POLL_MS + pollMs;
        s.value("probe poll interval (ms)", (double) pollMs)
                .value("publishing processor's poll interval (ms; Axon's pooled coordinator, event store without availability callback)", (double) AXON_POLL_MS)
                .value("limit: 3 × Kafka p99 + the processor's poll interval + the probe's (ms)", limit);
        report.target(new Report.Target("inbox", "event → inbox p99 (ms) ≤ 3× Kafka e2e p99 + 1 poll interval", e2e.millis(99), limit, false,
                "the two 'of which' rows split the path at the topic: before it, work-service's publishing processor "
                        + "(event store → Kafka); after it, notification-service (consume, rules, MongoDB); docs/performance.md"));
        s.note("Kafka baseline: one producer (acks=all, linger.ms=0) and one consumer in this JVM on the platform's broker, "
                + "one record at a time, latency from send() to poll() returning it.");
    }

    /** Records when the first record of each key (a work item's id) arrives on {@code topic}, from now on. */
    static Thread watchTopic(String bootstrap, String topic, Map<String, Long> firstSeen, AtomicBoolean stop) throws Exception {
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", "bench-watch-" + UUID.randomUUID());
        c.put("auto.offset.reset", "latest");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(c)) {
                kc.subscribe(List.of(topic));
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : kc.poll(Duration.ofMillis(100))) {
                        if (r.key() != null) {
                            firstSeen.putIfAbsent(r.key(), System.nanoTime());
                        }
                    }
                    if (!kc.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                }
            }
        }, "bench-topic-watch");
        t.setDaemon(true);
        t.start();
        assigned.await(30, java.util.concurrent.TimeUnit.SECONDS);
        return t;
    }

    static Series rawKafka(String bootstrap, int samples) throws Exception {
        String topic = "bench.e2e." + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("linger.ms", "0");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", LongSerializer.class.getName());
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", topic);
        c.put("auto.offset.reset", "earliest");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", LongDeserializer.class.getName());
        Series series = new Series("raw Kafka producer → consumer");
        java.util.concurrent.BlockingQueue<Map.Entry<String, Long>> received = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, Long> kc = new KafkaConsumer<>(c)) {
                kc.subscribe(List.of(topic));
                while (!stop.get()) {
                    for (ConsumerRecord<String, Long> r : kc.poll(Duration.ofMillis(100))) {
                        received.add(Map.entry(r.key(), System.nanoTime() - r.value()));
                    }
                }
            }
        }, "bench-kafka-consumer");
        consumer.setDaemon(true);
        consumer.start();
        int warm = Math.max(20, samples / 10);
        try (KafkaProducer<String, Long> producer = new KafkaProducer<>(p)) {
            // the consumer must have its partition before the clock starts
            producer.send(new ProducerRecord<>(topic, "hello", System.nanoTime())).get();
            received.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 0; i < samples + warm; i++) {
                String key = "m" + i;
                producer.send(new ProducerRecord<>(topic, key, System.nanoTime()));
                Map.Entry<String, Long> got = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                Long latency = got != null && got.getKey().equals(key) ? got.getValue() : null;
                if (i >= warm) {
                    if (latency == null) {
                        series.error("record not received within 10 s");
                    } else {
                        series.record(latency / 1000);
                    }
                }
            }
        } finally {
            stop.set(true);
            consumer.join(5000);
        }
        return series;
    }

    static JsonNode progressOf(Api api, String path) throws Exception {
        return api.get(path);
    }
}
