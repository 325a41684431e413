package io.sitework.launcher.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an {@link HttpFile} from top to bottom, as a person would click through it: substitutes
 * {@code {{variables}}} and {@code {{name.response.body.$.path}}} / {@code {{name.response.headers.Name}}}
 * references to earlier responses, sends each request with {@code java.net.http}, checks its
 * {@code @expect} status (without one: any status below 400) and {@code @expect-body} lines, repeats it
 * {@code @retry} times {@link Builder#retryDelay apart} while they fail, and stops at the first request
 * whose expectations still fail, with an {@link AssertionError} naming the request, its status and body.
 *
 * <p>Variables given to the builder override the file's (the tests point {@code base} at their gateway).
 * Dynamic variables: {@code $uuid} / {@code $random.uuid}, {@code $timestamp} (epoch seconds),
 * {@code $isoTimestamp}, {@code $randomInt}, {@code $datetime iso8601} with an optional offset ({@code $datetime iso8601 8 h}).
 */
public final class HttpFileRunner {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");
    private static final Pattern RESPONSE_REFERENCE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\.response\\.(body|headers)\\.(.+)$");
    /** Headers java.net.http sets itself and refuses to take. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_REPORT = 4000;
    private static final int MAX_NESTING = 20;

    private final Map<String, String> overrides;
    private final Duration retryDelay;
    private final Duration timeout;
    private final Consumer<String> log;
    private final HttpClient http;

    private HttpFileRunner(Builder builder) {
        this.overrides = Map.copyOf(builder.overrides);
        this.retryDelay = builder.retryDelay;
        this.timeout = builder.timeout;
        this.log = builder.log;
        this.http = builder.http != null ? builder.http
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration retryDelay = Duration.ofMillis(500);
        private Duration timeout = Duration.ofSeconds(30);
        private Consumer<String> log = line -> { };
        private HttpClient http;

        /** A variable that wins over the file's {@code @name = value}. */
        public Builder variable(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        /** The pause between two attempts of a request with {@code @retry} (500 ms unless told). */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = delay;
            return this;
        }

        /** How long one request may take (30 s unless told). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Where each request's outcome is reported, one line per request. */
        public Builder log(Consumer<String> log) {
            this.log = log;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public HttpFileRunner build() {
            return new HttpFileRunner(this);
        }
    }

    /** A response as later requests and expectations see it. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** The body as JSON, or null when it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** What one request did. */
    public record Step(HttpFile.Request request, String method, URI uri, Response response, int attempts, Duration took) {
    }

    /** Runs every request of the file in order; throws at the first whose expectations are not met. */
    public List<Step> run(HttpFile file) {
        Run run = new Run(file);
        List<Step> steps = new ArrayList<>();
        for (HttpFile.Request request : file.requests()) {
            steps.add(run.execute(request));
        }
        return steps;
    }

    /** A request the runner could not send or whose expectations failed. */
    public static final class Failure extends AssertionError {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final class Run {
        private final HttpFile file;
        private final Map<String, Response> named = new HashMap<>();

        Run(HttpFile file) {
            this.file = file;
        }

        Step execute(HttpFile.Request request) {
            Instant started = Instant.now();
            String method = request.method();
            URI uri = null;
            Response response = null;
            List<String> unmet = List.of();
            int attempts = 0;
            try {
                while (true) {
                    attempts++;
                    uri = uri(resolve(request.url(), request));
                    response = send(request, uri);
                    unmet = unmet(request, response);
                    if (unmet.isEmpty() || attempts > request.retries()) {
                        break;
                    }
                    Thread.sleep(retryDelay.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(request, method, uri, null, attempts, List.of("interrupted"), e);
            } catch (Unresolved e) {
                throw failure(request, method, uri, response, attempts, List.of(e.getMessage()), null);
            } catch (IOException | IllegalArgumentException e) {
                throw failure(request, method, uri, null, attempts, List.of("could not send it: " + e), e);
            }
            Duration took = Duration.between(started, Instant.now());
            if (!unmet.isEmpty()) {
                throw failure(request, method, uri, response, attempts, unmet, null);
            }
            if (request.name() != null) {
                named.put(request.name(), response);
            }
            log.accept("ok  " + request.label() + ": " + method + " " + uri + " -> " + response.status()
                    + (attempts > 1 ? " after " + attempts + " attempts" : "") + " (" + took.toMillis() + " ms)");
            return new Step(request, method, uri, response, attempts, took);
        }

        private Response send(HttpFile.Request request, URI uri) throws IOException, InterruptedException {
            String body = request.body() == null ? null : resolve(request.body(), request);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (HttpFile.Header header : request.headers()) {
                if (!RESTRICTED_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                    builder.header(header.name(), resolve(header.value(), request));
                }
            }
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.headers().map(), answer.body());
        }

        private List<String> unmet(HttpFile.Request request, Response response) {
            List<String> unmet = new ArrayList<>();
            if (request.expectedStatus() != null && response.status() != request.expectedStatus()) {
                unmet.add("expected status " + request.expectedStatus() + ", got " + response.status());
            } else if (request.expectedStatus() == null && response.status() >= 400) {
                unmet.add("expected a status below 400 (no @expect), got " + response.status());
            }
            if (!request.bodyExpectations().isEmpty()) {
                JsonNode json = response.json();
                for (BodyExpectation expectation : request.bodyExpectations()) {
                    expectation.check(json, value -> resolve(value, request)).ifPresent(unmet::add);
                }
            }
            return unmet;
        }

        private String resolve(String template, HttpFile.Request request) {
            return resolve(template, request, 0);
        }

        private String resolve(String template, HttpFile.Request request, int depth) {
            if (depth > MAX_NESTING) {
                throw new Unresolved("variables nest deeper than " + MAX_NESTING + " levels (a cycle?) in '" + template + "'");
            }
            Matcher placeholder = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (placeholder.find()) {
                placeholder.appendReplacement(out, Matcher.quoteReplacement(value(placeholder.group(1), request, depth)));
            }
            placeholder.appendTail(out);
            return out.toString();
        }

        private String value(String expression, HttpFile.Request request, int depth) {
            if (overrides.containsKey(expression)) {
                return resolve(overrides.get(expression), request, depth + 1);
            }
            if (file.variables().containsKey(expression)) {
                return resolve(file.variables().get(expression), request, depth + 1);
            }
            if (expression.startsWith("$")) {
                return dynamic(expression);
            }
            Matcher reference = RESPONSE_REFERENCE.matcher(expression);
            if (!reference.matches()) {
                throw new Unresolved("{{" + expression + "}} is not a variable of the file, nor a response reference like"
                        + " {{name.response.body.$.id}}");
            }
            String name = reference.group(1);
            Response response = named.get(name);
            if (response == null) {
                throw new Unresolved("{{" + expression + "}} refers to '" + name + "', but no request of that @name has run before this one");
            }
            String selector = reference.group(3);
            if (reference.group(2).equals("headers")) {
                return response.header(selector).orElseThrow(() ->
                        new Unresolved("{{" + expression + "}}: the response of '" + name + "' has no header " + selector));
            }
            if (selector.equals("*")) {
                return response.body();
            }
            JsonNode json = response.json();
            if (json == null) {
                throw new Unresolved("{{" + expression + "}}: the response of '" + name + "' is not JSON");
            }
            JsonNode node;
            try {
                node = JsonPath.compile(selector).select(json);
            } catch (IllegalArgumentException e) {
                throw new Unresolved("{{" + expression + "}}: " + e.getMessage());
            }
            if (node.isMissingNode()) {
                throw new Unresolved("{{" + expression + "}}: nothing at " + selector + " in the response of '" + name + "': "
                        + abbreviate(response.body()));
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }

        private String dynamic(String expression) {
            if (expression.startsWith("$datetime ")) {
                return datetime(expression);
            }
            return switch (expression) {
                case "$uuid", "$random.uuid" -> UUID.randomUUID().toString();
                case "$timestamp" -> Long.toString(Instant.now().getEpochSecond());
                case "$isoTimestamp" -> Instant.now().toString();
                case "$randomInt" -> Integer.toString(ThreadLocalRandom.current().nextInt(1000));
                default -> throw new Unresolved("{{" + expression + "}}: unknown dynamic variable (known: $uuid, $random.uuid,"
                        + " $timestamp, $isoTimestamp, $randomInt, $datetime iso8601 [offset unit])");
            };
        }

        /** VS Code REST Client's {@code {{$datetime iso8601}}} and {@code {{$datetime iso8601 2 h}}} (units d, h, m, s), in UTC to the second. */
        private String datetime(String expression) {
            String[] parts = expression.trim().split("\\s+");
            if (!parts[1].equals("iso8601") || (parts.length != 2 && parts.length != 4)) {
                throw new Unresolved("{{" + expression + "}}: expected $datetime iso8601, optionally followed by an offset and a unit (d, h, m, s)");
            }
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            if (parts.length == 2) {
                return now.toString();
            }
            long amount;
            try {
                amount = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                throw new Unresolved("{{" + expression + "}}: the offset must be a whole number");
            }
            java.time.temporal.ChronoUnit unit = switch (parts[3]) {
                case "d" -> java.time.temporal.ChronoUnit.DAYS;
                case "h" -> java.time.temporal.ChronoUnit.HOURS;
                case "m" -> java.time.temporal.ChronoUnit.MINUTES;
                case "s" -> java.time.temporal.ChronoUnit.SECONDS;
                default -> throw new Unresolved("{{" + expression + "}}: unknown unit " + parts[3] + " (d, h, m, s)");
            };
            return now.plus(amount, unit).toString();
        }

        private URI uri(String url) {
            try {
                URI uri = URI.create(url);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute http(s) URL");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new Unresolved("the URL '" + url + "' is not valid: " + e.getMessage());
            }
        }

        private Failure failure(HttpFile.Request request, String method, URI uri, Response response, int attempts,
                                List<String> problems, Throwable cause) {
            StringBuilder message = new StringBuilder()
                    .append(file.source()).append(" request ").append(request.label()).append(": ")
                    .append(method).append(' ').append(uri == null ? request.url() : uri.toString())
                    .append(attempts > 1 ? " (" + attempts + " attempts)" : "");
            problems.forEach(p -> message.append("\n  - ").append(p));
            if (response != null) {
                message.append("\n  response ").append(response.status()).append(": ").append(abbreviate(response.body()));
            }
            log.accept("FAIL " + message);
            return new Failure(message.toString(), cause);
        }
    }

    private static String abbreviate(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty)";
        }
        return body.length() <= MAX_BODY_IN_REPORT ? body : body.substring(0, MAX_BODY_IN_REPORT) + "… (" + body.length() + " characters)";
    }

    /** A {@code {{…}}} that has no value; reported as the request's failure. */
    private static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message);
        }
    }
}
