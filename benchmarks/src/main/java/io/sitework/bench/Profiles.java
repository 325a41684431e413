package io.sitework.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Summarises the services' flight recordings (JFR, {@code settings=profile}, the whole run): where the CPU
 * samples were — top frames, and the share by package — so a missed target comes with the profile that
 * explains it. The same as {@code jfr print --events jdk.ExecutionSample <file>} aggregated.
 */
final class Profiles {

    private static final int TOP = 12;

    private Profiles() {
    }

    static void summarise(Path jfrDir, Map<String, Long> pids, Report report) {
        Map<Long, String> names = new HashMap<>();
        pids.forEach((name, pid) -> names.put(pid, name));
        try (Stream<Path> files = Files.list(jfrDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                String process = file.getFileName().toString();
                for (Map.Entry<Long, String> e : names.entrySet()) {
                    if (process.contains(String.valueOf(e.getKey()))) {
                        process = e.getValue() + " (" + file.getFileName() + ")";
                    }
                }
                try {
                    report.profile(process, summary(file));
                } catch (Exception e) {
                    report.profile(process, List.of("could not read: " + e.getMessage()));
                }
            }
        } catch (Exception e) {
            report.profile("(none)", List.of("no recordings: " + e.getMessage()));
        }
    }

    static List<String> summary(Path file) throws Exception {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            total++;
            RecordedFrame top = stack.getFrames().get(0);
            String method = top.getMethod().getType().getName() + "." + top.getMethod().getName();
            topFrames.merge(method, 1, Integer::sum);
            // the first frame of a known area anywhere in the stack: whose work the sample was
            packages.merge(area(stack), 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        lines.add(total + " CPU samples");
        lines.add("by area (first recognised frame from the top):");
        top(packages, total, 10).forEach(lines::add);
        lines.add("top frames:");
        top(topFrames, total, TOP).forEach(lines::add);
        return lines;
    }

    private static String area(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("io.sitework.")) {
                return "io.sitework (our code)";
            }
            if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.")) {
                return "JDBC (PostgreSQL driver, Hikari)";
            }
            if (type.startsWith("com.fasterxml.jackson.")) {
                return "Jackson (JSON)";
            }
            if (type.startsWith("org.axonframework.")) {
                return "Axon";
            }
            if (type.startsWith("com.mongodb.") || type.startsWith("org.bson.")) {
                return "MongoDB driver";
            }
            if (type.startsWith("org.apache.kafka.")) {
                return "Kafka client";
            }
            if (type.startsWith("io.micrometer.") || type.startsWith("io.opentelemetry.")) {
                return "metrics and tracing";
            }
            if (type.startsWith("io.netty.") || type.startsWith("reactor.")) {
                return "Netty / Reactor";
            }
            if (type.startsWith("org.springframework.security.") || type.startsWith("com.nimbusds.")) {
                return "security (JWT)";
            }
            if (type.startsWith("org.apache.catalina.") || type.startsWith("org.apache.coyote.") || type.startsWith("org.apache.tomcat.")) {
                return "Tomcat";
            }
            if (type.startsWith("org.springframework.")) {
                return "Spring";
            }
        }
        return "JDK / other";
    }

    private static List<String> top(Map<String, Integer> counts, int total, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .toList();
    }
}
