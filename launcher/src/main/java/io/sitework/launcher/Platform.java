package io.sitework.launcher;

import io.sitework.infra.KafkaBrokerProcess;
import io.sitework.infra.MailSink;
import io.sitework.infra.MongoEndpoint;
import io.sitework.infra.PostgresServer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole Sitework platform on one machine: PostgreSQL, a MongoDB endpoint, a mail sink, a Kafka broker,
 * the three services and the gateway, started in health-checked order and stopped in reverse order.
 *
 * <p>{@link #close()} may be called at any time, from any thread (a shutdown hook), also while
 * {@link #start()} runs: it stops whatever was started, and {@code start()} then starts nothing more.
 */
public final class Platform implements AutoCloseable {

    /** How long a configured OIDC provider may take to answer its discovery document (it may be starting too). */
    private static final Duration OIDC_DISCOVERY_TIMEOUT = Duration.ofSeconds(120);

    /** How often the idempotent demo seeding is tried before it is reported failed. */
    private static final int SEED_ATTEMPTS = 4;

    public static final List<String> TOPICS = List.of("sitework.work.v1", "sitework.context.v1", "sitework.notification.v1");
    static final int TOPIC_PARTITIONS = 3;

    /** What the platform tells the person or test that runs it. */
    public interface Listener {

        /** A step is done: {@code what} (a short name), {@code detail}, and how long it took. */
        void step(String what, String detail, Duration took);

        /** A process died while the platform was running (not while it was stopping). */
        default void unexpectedExit(String name, int exitCode, Path logFile, List<String> logTail) {
        }
    }

    private final PlatformConfig config;
    private final DataDirectory dir;
    private final Listener listener;
    private final HealthProbe probe;
    private final PortChooser ports;
    private final Object lock = new Object();
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> portsByModule = new ConcurrentHashMap<>();
    private final ExecutorService watcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sitework-process-watcher");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean exitReported = new AtomicBoolean();
    /** Services stopped by {@link #stopService}: their exit is no failure. */
    private final Set<ChildProcess> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private boolean closed;
    private DataDirLock dataDirLock;
    private ProcessRegistry registry;
    private Path agentJar;
    private PostgresServer postgres;
    private MongoEndpoint mongo;
    private MailSink mail;
    private KafkaBrokerProcess kafka;
    private volatile ChildProcess kafkaChild;
    private ChildProcess gateway;
    private ServiceSpecs.Ports chosenPorts;
    private Databases.Names databases;
    private DemoSeedResult demoSeedResult = DemoSeedResult.disabled();
    private OidcProvider oidcProvider;

    public Platform(PlatformConfig config, Listener listener) {
        this(config, listener, HealthProbe.http(), PortChooser.system());
    }

    Platform(PlatformConfig config, Listener listener, HealthProbe probe, PortChooser ports) {
        this.config = config;
        this.dir = new DataDirectory(config.dataDir());
        this.listener = listener;
        this.probe = probe;
        this.ports = ports;
    }

    /** Starts everything; on any failure stops what was started and rethrows. */
    public Platform start() {
        try {
            doStart();
            return this;
        } catch (RuntimeException e) {
            boolean interrupted = closing;
            close();
            throw interrupted ? StartupException.interrupted(e) : e;
        }
    }

    private void doStart() {
        Instant begin = Instant.now();
        config.installation().check();
        prepareDataDir();
        choosePorts();
        findOidcProvider();
        startPostgres();
        startMongo();
        startMail();
        startKafka();
        startServices();
        startGateway();
        seedDemo();
        watchForUnexpectedExits();
        listener.step("ready", "the platform is up", since(begin));
    }

    private void prepareDataDir() {
        Instant t = Instant.now();
        dir.createLogs();
        synchronized (lock) {
            ensureNotClosing();
            dataDirLock = DataDirLock.acquire(dir.lockFile());
        }
        registry = new ProcessRegistry(dir.processesFile());
        List<String> leftovers = registry.stopLeftovers(config.stopGrace());
        agentJar = AgentJar.write(dir.agentJar());
        List<String> wiped = config.fresh() ? dir.wipe(config.mongoUri() == null) : List.of();
        String detail = dir.root() + " (logs in " + dir.logs() + ")"
                + (leftovers.isEmpty() ? "" : "; stopped what a previous launcher left running: " + String.join(", ", leftovers))
                + (wiped.isEmpty() ? "" : "; wiped " + String.join(", ", wiped));
        listener.step("data dir", detail, since(t));
    }

    private void choosePorts() {
        int gatewayPort = ports.exactly(config.gatewayPort(), "gateway",
                "Stop what uses it, or choose another port for the gateway (--gateway-port=<port>).");
        chosenPorts = new ServiceSpecs.Ports(gatewayPort,
                ports.preferredOrFree(config.managementPort()),
                ports.preferredOrFree(config.workPort()),
                ports.preferredOrFree(config.contextPort()),
                ports.preferredOrFree(config.notificationPort()));
    }

    private void startPostgres() {
        Instant t = Instant.now();
        PostgresServer server = PostgresServer.findOrStart(config.postgresUrl(), config.postgresUser(),
                config.postgresPassword(), dir.postgres());
        synchronized (lock) {
            postgres = server;
            ensureNotClosing();
        }
        if (server.isEmbedded()) {
            dir.postmaster().ifPresent(postmaster -> registry.record("postgres", postmaster));
        }
        Databases.Resolution resolution = new Databases(server, dir.databasesFile()).prepare(
                new Databases.Names(config.workDatabase(), config.contextDatabase(), config.notificationDatabase()),
                config.fresh());
        databases = resolution.names();
        listener.step("PostgreSQL", server.origin() + (server.isEmbedded() ? " on port " + server.port() : "")
                + "; databases " + String.join(", ", databases.eventStores()) + (config.fresh() ? " (recreated)" : "")
                + resolution.note(), since(t));
    }

    private void startMongo() {
        Instant t = Instant.now();
        MongoEndpoint endpoint;
        String detail;
        if (config.mongoUri() != null && !config.mongoUri().isBlank()) {
            endpoint = MongoEndpoint.external(config.mongoUri());
            detail = "configured " + redact(config.mongoUri());
        } else {
            Path file = config.persistentMongo() ? dir.mongoFile() : null;
            endpoint = MongoEndpoint.inProcess(ports.preferredOrFree(config.mongoPort()), file);
            detail = "in-process endpoint at " + endpoint.connectionString() + (file == null ? " (in memory)" : ", data in " + file);
        }
        synchronized (lock) {
            mongo = endpoint;
            ensureNotClosing();
        }
        listener.step("MongoDB", detail, since(t));
    }

    /**
     * The e-mail of the embedded default goes to an in-process SMTP server and stays there, readable over IMAP.
     * Like the other non-public ports: the usual ones when free, other free ones otherwise (printed).
     */
    private void startMail() {
        Instant t = Instant.now();
        MailSink sink = MailSink.start(ServiceSpecs.LOOPBACK, ports.preferredOrFree(config.smtpPort()),
                ports.preferredOrFree(config.imapPort()));
        synchronized (lock) {
            mail = sink;
            ensureNotClosing();
        }
        listener.step("mail", mailDescription(), since(t));
    }

    /** Where e-mail goes and how to read it, for people; null before the mail sink started. */
    public String mailDescription() {
        MailSink sink = mail;
        if (sink == null) {
            return null;
        }
        return "e-mail is kept here, not sent: SMTP " + sink.host() + ":" + sink.smtpPort() + "; read it with any IMAP client at "
                + sink.host() + ":" + sink.imapPort() + " (user: the recipient's e-mail address, any password)";
    }

    private void startKafka() {
        Instant t = Instant.now();
        int brokerPort = ports.preferredOrFree(config.kafkaPort());
        int controllerPort = ports.preferredOrFree(config.kafkaControllerPort());
        // the same parent-watch agent as the services: a hard-killed launcher takes the broker with it
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir.kafka(), config.installation().kafkaClasspath(),
                brokerPort, controllerPort, dir.logFile("kafka"),
                List.of("-javaagent:" + agentJar.toAbsolutePath() + "=" + ProcessHandle.current().pid()));
        synchronized (lock) {
            ensureNotClosing();
            kafka = broker;
        }
        broker.start(config.kafkaStartTimeout());
        Process process = broker.process();
        if (process == null) {
            throw StartupException.interrupted(null);
        }
        registry.record("kafka", process.toHandle());
        kafkaChild = ChildProcess.adopt("kafka", process, broker.logFile());
        broker.createTopics(TOPICS, TOPIC_PARTITIONS);
        listener.step("Kafka", "broker at " + broker.bootstrapServers() + " (pid " + process.pid() + "), topics "
                + String.join(", ", TOPICS), since(t));
    }

    private ServiceSpecs.Infrastructure infrastructure() {
        return new ServiceSpecs.Infrastructure(kafka.bootstrapServers(), postgres.user(), postgres.password(),
                postgres.jdbcUrl(databases.work()), postgres.jdbcUrl(databases.context()),
                mongo.uri(databases.work()), mongo.uri(databases.context()),
                mongo.uri(databases.notification()), mongo.isInProcess(),
                mail == null ? null : mail.host(), mail == null ? 0 : mail.smtpPort());
    }

    /** With an OIDC provider configured: reads where its keys and token endpoint are, before anything starts. */
    private void findOidcProvider() {
        if (config.oidc() == null) {
            return;
        }
        Instant t = Instant.now();
        oidcProvider = OidcProvider.discover(config.oidc(), OIDC_DISCOVERY_TIMEOUT);
        listener.step("OIDC provider", oidcProvider.issuer() + " logs people in (portal client " + oidcProvider.clientId()
                + ", user claim " + oidcProvider.userClaim() + "); the dev login is off", since(t));
    }

    private ServiceSpecs.Login login() {
        return oidcProvider != null
                ? ServiceSpecs.Login.external(oidcProvider)
                : ServiceSpecs.Login.embedded(dir, config.gatewayAddress(), chosenPorts.gateway());
    }

    /** How the demo seeding logs the demo users in: at the dev login, or with the password grant at the provider. */
    private DemoSeeder demoSeeder() {
        JsonHttp api = new JsonHttp(gatewayUri());
        if (oidcProvider == null) {
            return new DemoSeeder(api);
        }
        return new DemoSeeder(api, new PasswordGrantTokens(oidcProvider.tokenEndpoint(), config.oidc().demoClientId(),
                config.oidc().demoPassword()));
    }

    private void startServices() {
        Instant t = Instant.now();
        List<ChildProcess> started = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpecs.services(infrastructure(), chosenPorts, login())) {
            ChildProcess child = launch(spec);
            services.add(child);
            started.add(child);
        }
        waiter().awaitHealthy(started, List.of(kafkaChild), config.serviceStartTimeout(),
                child -> listener.step(child.name(), "ready on port " + portOf(child) + " (pid " + child.pid() + ")", since(t)));
    }

    private void startGateway() {
        Instant t = Instant.now();
        ServiceSpec spec = ServiceSpecs.gateway(infrastructure(), chosenPorts, config.gatewayAddress(), login());
        ChildProcess child = launch(spec);
        synchronized (lock) {
            gateway = child;
        }
        List<ChildProcess> needed = new ArrayList<>(services);
        needed.add(kafkaChild);
        waiter().awaitHealthy(List.of(child), needed, config.serviceStartTimeout(),
                ready -> listener.step("gateway", "ready on " + publicUrl() + " (pid " + ready.pid() + ")", since(t)));
    }

    private ChildProcess launch(ServiceSpec spec) {
        return launch(spec, spec.module());
    }

    /** Starts {@code spec}'s jar as the process {@code name} (its log file and its name in the registry). */
    private ChildProcess launch(ServiceSpec spec, String name) {
        List<String> command = JavaCommand.forJar(JavaCommand.currentJavaHome(), config.javaOpts(), agentJar,
                ProcessHandle.current().pid(), config.installation().serviceJar(spec.module()));
        synchronized (lock) {
            ensureNotClosing();
            ChildProcess child = ChildProcess.start(name, command, spec.environment(),
                    dir.logFile(name), spec.healthUri());
            registry.record(name, child.process().toHandle());
            portsByModule.put(name, spec.port());
            return child;
        }
    }

    private int portOf(ChildProcess child) {
        return portsByModule.getOrDefault(child.name(), -1);
    }

    private void seedDemo() {
        if (!config.demo()) {
            demoSeedResult = DemoSeedResult.disabled();
            return;
        }
        Instant t = Instant.now();
        DemoSeeder seeder = demoSeeder();
        // the seeder is idempotent: a call that failed on a machine too busy to answer in time is tried again
        for (int attempt = 1; ; attempt++) {
            try {
                demoSeedResult = seeder.seed(Instant.now());
                break;
            } catch (RuntimeException e) {
                demoSeedResult = new DemoSeedResult(DemoSeedResult.Outcome.FAILED, 0, 0,
                        e.getMessage() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
                if (attempt >= SEED_ATTEMPTS || closing) {
                    break;
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (demoSeedResult.outcome() == DemoSeedResult.Outcome.CREATED) {
            seeder.awaitVisible(demoSeedResult.workCreated(), Duration.ofSeconds(15));
        }
        listener.step("demo data", "site " + DemoData.SITE_ID + ": " + demoSeedResult.detail(), since(t));
    }


    private void watchForUnexpectedExits() {
        List<ChildProcess> all = new ArrayList<>(services);
        all.add(kafkaChild);
        all.add(gateway);
        for (ChildProcess child : all) {
            child.process().onExit().thenRunAsync(() -> reportExit(child), watcher);
        }
    }

    private void reportExit(ChildProcess child) {
        if (closing || stoppedOnPurpose.contains(child)) {
            return;
        }
        // Ctrl-C reaches every process of the terminal at once: give the shutdown hook a moment to say so
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            return;
        }
        // one report is enough: the listener typically stops everything, which ends the others too
        if (!closing && exitReported.compareAndSet(false, true)) {
            listener.unexpectedExit(child.name(), child.process().exitValue(), child.logFile(),
                    child.logTail(HealthWaiter.LOG_TAIL_LINES));
        }
    }

    private HealthWaiter waiter() {
        return new HealthWaiter(probe, Duration.ofMillis(250), () -> closing);
    }

    /** Where this machine reaches the gateway. */
    /**
     * Stops one service gracefully while the rest of the platform runs on, as a rolling restart or a
     * crash-and-restart would leave it: for tests of what must survive that. {@link #startService}
     * starts it again on the same port and databases.
     */
    public void stopService(String module) {
        ChildProcess child = services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running service " + module));
        Instant t = Instant.now();
        stoppedOnPurpose.add(child);
        services.remove(child);
        child.stop(config.stopGrace());
        listener.step("stop " + module, "stopped (pid " + child.pid() + ")", since(t));
    }

    /** Starts a service stopped by {@link #stopService} again, and waits until it is healthy. */
    public void startService(String module) {
        if (services.stream().anyMatch(s -> s.name().equals(module))) {
            throw new IllegalStateException(module + " is running");
        }
        ServiceSpec spec = ServiceSpecs.services(infrastructure(), chosenPorts, login()).stream()
                .filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
        Instant t = Instant.now();
        ChildProcess child = launch(spec);
        services.add(child);
        child.process().onExit().thenRunAsync(() -> reportExit(child), watcher);
        waiter().awaitHealthy(List.of(child), List.of(kafkaChild), config.serviceStartTimeout(),
                ready -> listener.step(module, "ready again on port " + portOf(ready) + " (pid " + ready.pid() + ")", since(t)));
    }

    /**
     * Starts one more instance of a service beside the running one, on a free port, with the same databases,
     * topics and consumer group, and {@code SITEWORK_INSTANCE_ID=name}: the two share the work as replicas
     * behind a load balancer would (docs/scaling.md). The gateway keeps routing to the first; callers reach
     * this one on the port returned. {@link #stopService} and {@link #killService} stop it by {@code name}.
     */
    public int startInstance(String module, String name) {
        if (services.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalStateException(name + " is running");
        }
        ServiceSpec first = ServiceSpecs.services(infrastructure(), chosenPorts, login()).stream()
                .filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
        int port = ports.preferredOrFree(0);
        ServiceSpec spec = ServiceSpecs.instance(first, name, port);
        Instant t = Instant.now();
        ChildProcess child = launch(spec, name);
        services.add(child);
        child.process().onExit().thenRunAsync(() -> reportExit(child), watcher);
        waiter().awaitHealthy(List.of(child), List.of(kafkaChild), config.serviceStartTimeout(),
                ready -> listener.step(name, "another " + module + " ready on port " + port + " (pid " + ready.pid() + ")", since(t)));
        return port;
    }

    /** Kills a service at once (SIGKILL), as a crashed machine would: nothing is released or flushed. */
    public void killService(String name) {
        ChildProcess child = services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running service " + name));
        stoppedOnPurpose.add(child);
        services.remove(child);
        child.process().destroyForcibly();
        child.process().onExit().join();
        listener.step("kill " + name, "killed (pid " + child.pid() + ")", Duration.ZERO);
    }

    /**
     * Kills the Kafka broker at once (SIGKILL), as a crashed broker machine would: for fault tests of what
     * the services keep while it is gone. {@link #restartKafka} starts it again on the same ports and data.
     */
    public void killKafka() {
        ChildProcess child = kafkaChild;
        stoppedOnPurpose.add(child);
        child.process().destroyForcibly();
        child.process().onExit().join();
        listener.step("kill kafka", "killed (pid " + child.pid() + ")", Duration.ZERO);
    }

    /** Starts the broker killed by {@link #killKafka} again, on the same ports and data, and waits until it answers. */
    public void restartKafka() {
        if (kafkaChild != null && kafkaChild.isAlive()) {
            throw new IllegalStateException("kafka is running");
        }
        Instant t = Instant.now();
        kafka.start(config.kafkaStartTimeout());
        Process process = kafka.process();
        registry.record("kafka", process.toHandle());
        ChildProcess child = ChildProcess.adopt("kafka", process, kafka.logFile());
        kafkaChild = child;
        child.process().onExit().thenRunAsync(() -> reportExit(child), watcher);
        listener.step("Kafka", "broker restarted at " + kafka.bootstrapServers() + " (pid " + process.pid() + ")", since(t));
    }

    /**
     * Freezes the broker (SIGSTOP): it keeps its connections open but answers nothing, as a broker stuck in a
     * long pause or behind a dead network path does. {@link #resumeKafka} lets it go on (SIGCONT).
     */
    public void freezeKafka() {
        signal(kafkaChild, "STOP");
        listener.step("freeze kafka", "stopped with SIGSTOP (pid " + kafkaChild.pid() + ")", Duration.ZERO);
    }

    /** Lets a broker frozen by {@link #freezeKafka} run again (SIGCONT). */
    public void resumeKafka() {
        signal(kafkaChild, "CONT");
        listener.step("resume kafka", "continued with SIGCONT (pid " + kafkaChild.pid() + ")", Duration.ZERO);
    }

    private static void signal(ChildProcess child, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + child.pid() + " failed");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot signal " + child.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI gatewayUri() {
        return URI.create("http://" + ServiceSpecs.localHostFor(config.gatewayAddress()) + ":" + chosenPorts.gateway() + "/");
    }

    /** The URL to print for people. */
    public URI publicUrl() {
        return ServiceSpecs.publicUrl(config.gatewayAddress(), chosenPorts.gateway());
    }

    /** Whether {@link #close()} was called (by a shutdown hook, for instance). */
    public boolean isClosing() {
        return closing;
    }

    /** The issuer of the OIDC provider people log in at, or null: the gateway's dev login. */
    public String oidcIssuer() {
        return oidcProvider == null ? null : oidcProvider.issuer();
    }

    public DemoSeedResult demoSeedResult() {
        return demoSeedResult;
    }

    public PlatformConfig config() {
        return config;
    }

    /** The pid of each child process: the Kafka broker, the services, the gateway. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafkaChild != null) {
            pids.put("kafka", kafkaChild.pid());
        }
        services.forEach(s -> pids.put(s.name(), s.pid()));
        if (gateway != null) {
            pids.put("gateway", gateway.pid());
        }
        return pids;
    }

    /** The TCP ports the platform listens on (those of external servers excluded). */
    public Map<String, Integer> ports() {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (chosenPorts != null) {
            result.put("gateway", chosenPorts.gateway());
            result.put("gateway-management", chosenPorts.management());
            result.put("work-service", chosenPorts.work());
            result.put("context-service", chosenPorts.context());
            result.put("notification-service", chosenPorts.notification());
        }
        if (kafka != null) {
            result.put("kafka", kafka.port());
        }
        if (mongo != null && mongo.isInProcess()) {
            result.put("mongo", URI.create(mongo.connectionString()).getPort());
        }
        if (mail != null) {
            result.put("smtp", mail.smtpPort());
            result.put("imap", mail.imapPort());
        }
        return result;
    }

    /** The databases the platform uses: the configured names, or those with a suffix (see {@link Databases}). */
    public List<String> eventStoreDatabases() {
        return databases == null ? List.of() : databases.eventStores();
    }

    /** The PostgreSQL server the platform uses (found or started), or null before it started: for tools such as the benchmarks. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** Whether this platform started an embedded PostgreSQL (rather than using a running server). */
    public boolean usesEmbeddedPostgres() {
        return postgres != null && postgres.isEmbedded();
    }

    /**
     * Stops everything in reverse order: the gateway, the services (SIGTERM, then SIGKILL after the grace
     * period), Kafka, the mail sink, the Mongo endpoint and an embedded PostgreSQL. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
        }
        Instant begin = Instant.now();
        if (gateway != null) {
            stopQuietly("gateway", () -> gateway.stop(config.stopGrace()));
        }
        if (!services.isEmpty()) {
            stopQuietly("services", this::stopServices);
        }
        if (kafka != null) {
            stopQuietly("Kafka", kafka::stop);
        }
        if (mail != null) {
            stopQuietly("mail", mail::close);
        }
        if (mongo != null) {
            stopQuietly("MongoDB", mongo::close);
        }
        if (postgres != null && postgres.isEmbedded()) {
            stopQuietly("PostgreSQL", postgres::close);
        }
        watcher.shutdownNow();
        if (registry != null) {
            registry.clear();
        }
        if (dataDirLock != null) {
            dataDirLock.close();
            listener.step("stopped", "nothing left running", since(begin));
        }
    }

    private void stopServices() {
        List<Thread> stoppers = services.stream()
                .map(s -> new Thread(() -> s.stop(config.stopGrace()), "stop-" + s.name()))
                .toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopQuietly(String what, Runnable stop) {
        Instant t = Instant.now();
        try {
            stop.run();
            listener.step("stop " + what, "done", since(t));
        } catch (RuntimeException e) {
            listener.step("stop " + what, "failed: " + e.getMessage(), since(t));
        }
    }

    private void ensureNotClosing() {
        if (closing) {
            throw StartupException.interrupted(null);
        }
    }



    private static String redact(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
