package io.sitework.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run as a child JVM from the Kafka server jars
 * on a given classpath. Its data survives restarts in {@code dataDir}.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);

    private final Path dataDir;
    private final String classpath;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final List<String> extraJvmArgs;
    private Process process;

    public KafkaBrokerProcess(Path dataDir, String classpath, int port, int controllerPort, Path logFile) {
        this(dataDir, classpath, port, controllerPort, logFile, List.of());
    }

    /** @param extraJvmArgs added to the broker's JVM options, e.g. an agent that ends it with its parent */
    public KafkaBrokerProcess(Path dataDir, String classpath, int port, int controllerPort, Path logFile, List<String> extraJvmArgs) {
        this.dataDir = dataDir.toAbsolutePath();
        this.classpath = classpath;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile.toAbsolutePath();
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Path logDirs = dataDir.resolve("logs");
            Path config = writeServerProperties(logDirs);
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(config);
            }
            Path logConfig = writeLoggingConfig();
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                    "-Djava.awt.headless=true",
                    "-Dlogback.configurationFile=" + logConfig,
                    "-Dlog4j.configuration=file:" + logConfig.resolveSibling("log4j.properties"),
                    "-Dkafka.logs.dir=" + dataDir.resolve("server-logs")));
            command.addAll(extraJvmArgs);
            command.addAll(List.of("-cp", classpath, "kafka.Kafka", config.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitReady(timeout);
            log.info("Kafka broker (pid {}) ready at {}", process.pid(), bootstrapServers());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Kafka: " + e.getMessage(), e);
        }
    }

    public Process process() {
        return process;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Timed out creating topic " + name, e);
                }
            });
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + logFile);
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("Kafka was not ready within " + timeout + "; see " + logFile, last);
    }

    private Path writeServerProperties(Path logDirs) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDirs.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // topics are created on purpose by the platform, never by a typo
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.retention.hours", "168");
        Path file = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Sitework embedded Kafka broker (generated)");
        }
        return file;
    }

    private Path writeLoggingConfig() throws IOException {
        Path logback = dataDir.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%logger{20}] %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka" level="INFO"/>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        Files.writeString(logback.resolveSibling("log4j.properties"), """
                log4j.rootLogger=INFO, stdout
                log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                log4j.logger.org.apache.kafka=WARN
                log4j.logger.state.change.logger=WARN
                """);
        return logback;
    }

    private void format(Path config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Process formatter = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker: a clean shutdown first (SIGTERM), then a kill if it does not exit in time. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessStopper.stop(process, Duration.ofSeconds(20));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
