package io.sitework.support.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends malformed and hostile requests to every operation a service documents in its OpenAPI description
 * ({@code /v3/api-docs}), the way a property-based test generates inputs: for each operation, bodies built from
 * its request schema with one field broken (wrong type, null, out of range, an unknown enum value, a date that
 * is not one, a huge or control-character string, deep nesting), bodies that are not JSON at all or of another
 * content type, and path, query and header values that are garbage — each request authorised as a user who may do
 * everything on a site, so that the input reaches validation and the domain. Seeded: a failure names the seed and
 * the request, and {@code -Dfuzz.seed=<seed>} replays the run.
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One request sent and what came back. */
    public record Exchange(String method, String path, String contentType, String body, String correlationId, int status,
                           String responseContentType, String responseBody) {
        @Override
        public String toString() {
            String sent = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
            String got = responseBody == null ? "" : (responseBody.length() > 300 ? responseBody.substring(0, 300) + "…" : responseBody);
            return method.toUpperCase() + " " + path + " [" + contentType + "]" + sent + " → " + status + " " + got;
        }
    }

    /** One documented operation. */
    public record Operation(String method, String path, JsonNode spec) {
    }

    private final String base;
    private final String token;
    private final JsonNode api;
    private final Random random;
    private final long seed;
    private final Map<String, Supplier<String>> knownIds = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base  the service's base URL, e.g. http://127.0.0.1:8081
     * @param token a bearer token for a user who may do everything on the site the requests name
     */
    public ApiFuzzer(String base, String token) {
        this.base = base;
        this.token = token;
        this.seed = Long.getLong("fuzz.seed", System.nanoTime());
        this.random = new Random(seed);
        Http.Response docs = new Http(base).get("/v3/api-docs");
        if (docs.status() != 200) {
            throw new IllegalStateException("no OpenAPI description at " + base + "/v3/api-docs: " + docs.status());
        }
        this.api = docs.json();
    }

    public long seed() {
        return seed;
    }

    /**
     * Path variables named {@code name} are, half of the time, an id that exists (e.g. a work item created by the
     * test), so that hostile bodies reach a real aggregate rather than stopping at 404.
     */
    public ApiFuzzer withKnownId(String name, Supplier<String> id) {
        knownIds.put(name, id);
        return this;
    }

    /** Every documented operation, in the description's order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    /**
     * Sends {@code perOperation} hostile requests to every documented operation (at least {@code minOperations} of
     * them), judging each with {@code findings}; prints what was sent, under {@code service}'s name and the seed.
     * {@code -Dfuzz.per-operation=N} sends N instead, for a longer hunt than the build's.
     */
    public void fuzzEveryOperation(String service, int minOperations, int perOperation, FuzzFindings findings) {
        perOperation = Integer.getInteger("fuzz.per-operation", perOperation);
        List<Operation> operations = operations();
        if (operations.size() < minOperations) {
            throw new AssertionError(service + " documents " + operations.size() + " operations in /v3/api-docs, expected at least "
                    + minOperations);
        }
        for (Operation operation : operations) {
            for (int i = 0; i < perOperation; i++) {
                findings.check(send(operation));
            }
        }
        System.out.printf("[fuzz] %s: seed %d, %d operations, %d requests, statuses %s%n",
                service, seed, operations.size(), findings.sent(), findings.statuses());
    }

    /** A token for "fuzzer", holding every role on {@code site} and organisation admin: input reaches validation and the domain. */
    public static String everyRoleToken(String site) {
        return TestTokens.token("fuzzer", Map.of(site, java.util.Arrays.stream(io.sitework.support.security.Role.values())
                .map(Enum::name).toList()), true);
    }

    private Exchange send(Operation operation) {
        String path = path(operation);
        String query = query(operation.spec());
        String url = path + (query.isEmpty() ? "" : "?" + query);
        String contentType = "application/json";
        String body = null;
        boolean hasBody = operation.spec().has("requestBody") || !operation.method().equals("get") && !operation.method().equals("delete");
        if (hasBody) {
            int kind = random.nextInt(10);
            JsonNode schema = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
            if (kind < 6 && !schema.isMissingNode()) {
                body = JSON.valueToTree(broken(schema)).toString();
            } else if (kind == 6) {
                body = truncated(schema.isMissingNode() ? "{\"a\":[1,2,{\"b\":\"c\"}]}" : JSON.valueToTree(valid(schema, 0)).toString());
            } else if (kind == 7) {
                contentType = pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");
                body = "<work><title>x</title></work>";
            } else if (kind == 8) {
                body = pick("", "null", "[]", "\"text\"", "42", "{}", "{\"\":{}}", "[" + "[".repeat(3000) + "]".repeat(3000) + "]");
            } else {
                body = hostileJson(0).toString();
            }
        }
        String correlationId = "fuzz-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlationId)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (random.nextInt(4) == 0) {
            request.header("If-Match", pick("\"-1\"", "\"abc\"", "*", "\"99999999999999999999\"", "W/\"1\"", "\"0\""));
        }
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", pick("", " ", "x".repeat(500), "ü\u00e9", UUID.randomUUID().toString()));
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        request.method(operation.method().toUpperCase(), publisher);
        try {
            HttpResponse<String> response = client.send(request.build(), ApiFuzzer::bodyUnlessStream);
            return new Exchange(operation.method(), url, contentType, body, correlationId, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError("seed " + seed + ": " + operation.method() + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The body as text; an event stream that was accepted is not read (it would not end): its answer is its status. */
    private static HttpResponse.BodySubscriber<String> bodyUnlessStream(HttpResponse.ResponseInfo info) {
        if (info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), stream -> {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closing ends the stream; nothing else to do
                }
                return "";
            });
        }
        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    // ---- paths, queries

    private String path(Operation operation) {
        Matcher m = PATH_VARIABLE.matcher(operation.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Supplier<String> known = knownIds.get(name);
            String value;
            if (known != null && random.nextBoolean()) {
                value = known.get();
            } else {
                JsonNode schema = parameter(operation.spec(), name).path("schema");
                value = random.nextInt(3) == 0 ? String.valueOf(scalar(schema)) : hostileString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String query(JsonNode spec) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : spec.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || random.nextInt(3) == 0) {
                continue;
            }
            String value = random.nextBoolean() ? hostileString() : String.valueOf(scalar(parameter.path("schema")));
            pairs.add(encode(parameter.path("name").asText()) + "=" + encode(value));
        }
        if (random.nextInt(5) == 0) {
            pairs.add(pick("page", "size", "sort", "asOf", "siteId", "zone") + "=" + encode(hostileString()));
        }
        return String.join("&", pairs);
    }

    private static JsonNode parameter(JsonNode spec, String name) {
        for (JsonNode parameter : spec.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        return NODES.objectNode();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- bodies

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() > 0) {
            return resolve(current.get("allOf").get(0));
        }
        if (current.has("oneOf") && current.get("oneOf").size() > 0) {
            return resolve(current.get("oneOf").get(random.nextInt(current.get("oneOf").size())));
        }
        return current;
    }

    /** A value that fits the schema (as far as this generator reads schemas). */
    private Object valid(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth > 4) {
                    return object;
                }
                Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    object.put(property.getKey(), valid(property.getValue(), depth + 1));
                }
                return object;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                int n = depth > 4 ? 0 : 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    list.add(valid(s.path("items"), depth + 1));
                }
                return list;
            }
            default:
                return scalar(s);
        }
    }

    private Object scalar(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
        }
        String format = s.path("format").asText("");
        switch (s.path("type").asText("string")) {
            case "integer":
                return (long) random.nextInt(5);
            case "number":
                return random.nextInt(100) / 10.0;
            case "boolean":
                return random.nextBoolean();
            default:
                if (format.equals("uuid")) {
                    return UUID.randomUUID().toString();
                }
                if (format.equals("date-time")) {
                    return "2099-06-0" + (1 + random.nextInt(8)) + "T06:00:00Z";
                }
                if (format.equals("date")) {
                    return "2099-06-01";
                }
                return "fuzz " + random.nextInt(1000);
        }
    }

    /** A body that fits the schema except for one field, broken in a hostile way. */
    private JsonNode broken(JsonNode schema) {
        JsonNode body = JSON.valueToTree(valid(schema, 0));
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        if (objects.isEmpty()) {
            return hostileJson(0);
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(8) == 0) {
            target.set("unexpected" + random.nextInt(100), hostileJson(0));
        } else if (random.nextInt(6) == 0) {
            target.remove(names.get(random.nextInt(names.size())));
        } else {
            target.set(names.get(random.nextInt(names.size())), hostileJson(0));
        }
        return body;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
            object.elements().forEachRemaining(child -> collectObjects(child, into));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collectObjects(child, into));
        }
    }

    private JsonNode hostileJson(int depth) {
        switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.textNode(hostileString());
            case 2: return NODES.numberNode(pick(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L));
            case 3: return NODES.numberNode(pick(1e308, -1e308, 0.1, -0.0, 3.4e38));
            case 4: return NODES.booleanNode(random.nextBoolean());
            case 5: return NODES.textNode(pick("2026-13-45T99:00:00Z", "yesterday", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "PT-1S"));
            case 6: return NODES.textNode(pick("NOT_A_VALUE", "planner", "CLOSED; DROP TABLE work", "${jndi:ldap://x/a}"));
            case 7: return NODES.textNode(UUID.randomUUID().toString());
            case 8: return NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 9: {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(hostileJson(depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                object.set(pick("$where", "__proto__", "a.b", "", "title"), hostileJson(depth + 1));
                return object;
            }
        }
    }

    private String hostileString() {
        switch (random.nextInt(10)) {
            case 0: return "";
            case 1: return " ";
            case 2: return "x".repeat(10_000 + random.nextInt(60_000));
            case 3: return "\u0000\u0001\u001f";
            case 4: return "../../etc/passwd";
            case 5: return "'; DROP TABLE domainevententry; --";
            case 6: return "{\"$gt\": \"\"}";
            case 7: return "\uD83D\uDE00 é ü \u202E";
            case 8: return "-1";
            default: return "not-a-uuid";
        }
    }

    private static String truncated(String json) {
        return json.length() < 2 ? "{" : json.substring(0, json.length() / 2);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
