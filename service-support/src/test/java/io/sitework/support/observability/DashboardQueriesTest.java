package io.sitework.support.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.support.test.DashboardMetrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard ({@code deploy/grafana/dashboards/sitework.json}) queries only metrics the
 * applications' ObservabilityITs saw on /actuator/prometheus (the shared list {@code
 * observability/dashboard-metrics.txt}), through the templated Prometheus data source: renaming a metric
 * in code without the dashboard, or the other way round, fails the build.
 */
class DashboardQueriesTest {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "sitework.json");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Test
    void everyQueryNamesOnlyMetricsTheApplicationsExpose() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(target -> expressions.add(target.get("expr").asText()));
        }
        Set<String> exposed = DashboardMetrics.all();
        for (String expression : expressions) {
            Set<String> named = metricNames(expression);
            assertThat(named).as("metrics in " + expression).isNotEmpty();
            assertThat(exposed).as("metrics seen by the ObservabilityITs, for " + expression).containsAll(named);
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher labelValues = Pattern.compile("label_values\\((\\w+),").matcher(variable.at("/query/query").asText(""));
            if (labelValues.find()) {
                assertThat(exposed).contains(labelValues.group(1));
            }
        }
    }

    @Test
    void theDataSourceIsAVariableOfPrometheusDataSources() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        JsonNode datasource = null;
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.get("name").asText().equals("datasource")) {
                datasource = variable;
            }
        }
        assertThat(datasource).isNotNull();
        assertThat(datasource.get("type").asText()).isEqualTo("datasource");
        assertThat(datasource.get("query").asText()).isEqualTo("prometheus");
        assertThat(datasource.at("/current/value").asText()).isEqualTo("prometheus");
    }

    @Test
    void metricNamesAreTheIdentifiersThatAreNeitherFunctionsLabelsNorKeywords() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{application=\"x\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("max by (application, processing_group) (a_total{application=~\"$application\"}) / on (application) b"))
                .containsExactly("a_total", "b");
    }

    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String name = matcher.group();
            String rest = stripped.substring(matcher.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !KEYWORDS.contains(name.toLowerCase()) && !isNumberSuffix(stripped, matcher.start())) {
                names.add(name);
            }
        }
        return names;
    }

    /** "1e3" and the like: an identifier glued to a preceding digit is part of a number. */
    private static boolean isNumberSuffix(String text, int start) {
        return start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.');
    }
}
