package io.sitework.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an app's own application.yml says a deployment must match: its server and management ports
 * (each a {@code ${VARIABLE:default}}), the {@code SITEWORK_*} variables it reads and which of them have
 * no default, and whether its health groups (liveness, readiness) and Prometheus endpoint are on.
 */
record AppConfig(String app, Placeholder serverPort, Placeholder managementPort, Map<String, String> variables,
                 boolean probesEnabled, boolean prometheusExposed) {

    /** A {@code ${NAME:default}} setting; {@code name} null when the value is a literal. */
    record Placeholder(String name, String defaultValue) {

        int defaultPort() {
            return Integer.parseInt(defaultValue);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(SITEWORK_[A-Z0-9_]+)(?::([^}]*))?}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");

    static AppConfig of(String app) {
        String file = app + "/src/main/resources/application.yml";
        String text = Repo.read(file);
        Map<String, Object> yaml = Repo.yamlMap(file);
        // name -> default; null when some reference has no default (then the variable is required)
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String fallback = m.group(2);
            if (!variables.containsKey(name)) {
                variables.put(name, fallback);
            } else if (fallback == null) {
                variables.put(name, null);
            }
        }
        Placeholder server = placeholder(Repo.at(yaml, "server.port"), "8080");
        Object management = Repo.at(yaml, "management.server.port");
        String exposure = String.valueOf(Repo.at(yaml, "management.endpoints.web.exposure.include"));
        return new AppConfig(app, server, management == null ? server : placeholder(management, null), variables,
                Boolean.TRUE.equals(Repo.at(yaml, "management.endpoint.health.probes.enabled")),
                exposure.contains("health") && exposure.contains("prometheus"));
    }

    private static Placeholder placeholder(Object value, String absent) {
        if (value == null) {
            return new Placeholder(null, absent);
        }
        Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
        if (m.matches()) {
            return new Placeholder(m.group(1), m.group(2));
        }
        return new Placeholder(null, String.valueOf(value));
    }

    /** The {@code SITEWORK_*} variables that have no default: a deployment must set them. */
    Set<String> requiredVariables() {
        Set<String> required = new TreeSet<>();
        variables.forEach((name, fallback) -> {
            if (fallback == null) {
                required.add(name);
            }
        });
        return required;
    }

    boolean reads(String variable) {
        return variables.containsKey(variable);
    }
}
