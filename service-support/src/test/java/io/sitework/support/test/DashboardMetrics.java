package io.sitework.support.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The metric names the Grafana dashboard ({@code deploy/grafana/dashboards/sitework.json}) may query, and
 * which application exposes each (test resource {@code observability/dashboard-metrics.txt}). Each
 * application's metrics IT asserts its names are on its /actuator/prometheus; the dashboard's unit test
 * asserts its queries name nothing else — so neither can drift from the other.
 */
public final class DashboardMetrics {

    public static final String RESOURCE = "observability/dashboard-metrics.txt";

    private DashboardMetrics() {
    }

    /** Every listed metric name, whichever application exposes it. */
    public static Set<String> all() {
        Set<String> names = new TreeSet<>();
        lines().forEach(line -> names.add(line[1]));
        return names;
    }

    /** The names the given application (its {@code spring.application.name}) must expose. */
    public static Set<String> of(String application) {
        Set<String> names = new TreeSet<>();
        lines().stream().filter(line -> line[0].equals(application)).forEach(line -> names.add(line[1]));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no dashboard metrics listed for " + application);
        }
        return names;
    }

    /** The listed names of {@code application} that are not a series in the Prometheus exposition {@code scrape}. */
    public static Set<String> missing(String application, String scrape) {
        Set<String> missing = new TreeSet<>();
        for (String name : of(application)) {
            Pattern series = Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]");
            if (!series.matcher(scrape).find()) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static List<String[]> lines() {
        try (InputStream in = DashboardMetrics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            List<String[]> result = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalStateException(RESOURCE + ": expected '<application> <metric>' but got: " + line);
                }
                result.add(parts);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
