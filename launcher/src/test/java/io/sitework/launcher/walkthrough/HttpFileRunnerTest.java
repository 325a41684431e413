package io.sitework.launcher.walkthrough;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner against a JDK HttpServer standing in for the gateway. */
class HttpFileRunnerTest {

    /** What the stub received, one line per request: method, path and query, Authorization, body. */
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private String base;

    @BeforeEach
    void startTheStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopTheStub() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " | " + auth + " | " + body);
        int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/auth/dev/token" -> respond(exchange, 200, "{\"access_token\":\"tok-" + body.replaceAll("\\W", "") + "\",\"token_type\":\"Bearer\"}");
            case "/api/work" -> {
                exchange.getResponseHeaders().add("Location", base + "/api/work/w-42");
                exchange.getResponseHeaders().add("ETag", "\"0\"");
                respond(exchange, 201, "{\"id\":\"w-42\",\"status\":\"REQUESTED\",\"blocked\":true,\"blockers\":[{\"type\":\"OTHER_WORK\"}]}");
            }
            case "/echo" -> respond(exchange, 200, "{\"method\":\"" + exchange.getRequestMethod() + "\",\"contentType\":\""
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\"}");
            case "/eventually" -> respond(exchange, 200, "{\"total\":" + Math.max(0, call - 2) + "}");
            case "/refused" -> respond(exchange, 409, "{\"status\":409,\"code\":\"work.blocked\",\"detail\":\"blocked by PARTS\"}");
            case "/text" -> respond(exchange, 200, "plain words");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpFileRunner runner() {
        return HttpFileRunner.builder().variable("base", base).retryDelay(Duration.ofMillis(10)).log(log::add).build();
    }

    private List<HttpFileRunner.Step> run(String file) {
        return runner().run(HttpFile.parse("test.http", file));
    }

    @Test
    void substitutesFileVariablesAndEarlierResponsesBodiesAndHeaders() {
        List<HttpFileRunner.Step> steps = run("""
                @base = http://localhost:1
                @site = s-1
                @who = anna.planner
                @login = {"subject": "{{who}}"}

                ### log in
                # @name login
                # @expect 200
                POST {{base}}/auth/dev/token
                Content-Type: application/json

                {{login}}

                ### request work
                # @name work
                # @expect 201
                # @expect-body $.id == w-42
                POST {{base}}/api/work?siteId={{site}}
                Authorization: Bearer {{login.response.body.$.access_token}}
                Content-Type: application/json

                {"title": "Seal", "etag": 1}

                ### use it
                # @expect 200
                PUT {{base}}/echo?id={{work.response.body.$.id}}&type={{work.response.body.$.blockers[0].type}}
                Authorization: Bearer {{login.response.body.$.access_token}}
                If-Match: {{work.response.headers.etag}}
                Content-Type: application/json

                {"location": "{{work.response.headers.Location}}", "first": {{work.response.body.$.blockers[0]}}}
                """);

        assertThat(steps).hasSize(3);
        assertThat(received).containsExactly(
                "POST /auth/dev/token | null | {\"subject\": \"anna.planner\"}",
                "POST /api/work?siteId=s-1 | Bearer tok-subjectannaplanner | {\"title\": \"Seal\", \"etag\": 1}",
                "PUT /echo?id=w-42&type=OTHER_WORK | Bearer tok-subjectannaplanner | {\"location\": \"" + base
                        + "/api/work/w-42\", \"first\": {\"type\":\"OTHER_WORK\"}}");
        assertThat(steps.get(2).response().body()).contains("\"method\":\"PUT\"", "\"contentType\":\"application/json\"");
        assertThat(log).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("ok  #"));
        assertThat(log.get(1)).contains("#2 \"request work\"", "POST " + base + "/api/work?siteId=s-1 -> 201");
    }

    @Test
    void theRunnersVariablesWinOverTheFiles() {
        run("""
                @base = http://localhost:1
                ###
                GET {{base}}/echo
                """);

        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("GET /echo");
    }

    @Test
    void anUnexpectedStatusFailsWithTheRequestItsStatusAndItsBody() {
        assertThatThrownBy(() -> run("""
                ### Bruno tries to start
                # @expect 200
                POST {{base}}/refused
                """))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("test.http request #1 \"Bruno tries to start\" (line 3): POST " + base + "/refused")
                .hasMessageContaining("- expected status 200, got 409")
                .hasMessageContaining("response 409: {\"status\":409,\"code\":\"work.blocked\",\"detail\":\"blocked by PARTS\"}");
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).startsWith("FAIL ");
    }

    @Test
    void withoutExpectAnErrorStatusFailsAndASuccessPasses() {
        run("###\nGET {{base}}/echo\n");
        assertThatThrownBy(() -> run("###\nGET {{base}}/nothing-here\n"))
                .hasMessageContaining("expected a status below 400 (no @expect), got 404");
    }

    @Test
    void everyUnmetBodyExpectationIsListed() {
        assertThatThrownBy(() -> run("""
                ### refused as expected, for the wrong reason
                # @expect 409
                # @expect-body $.code == work.evidence-missing
                # @expect-body $.detail contains vibration
                # @expect-body $.status == 409
                POST {{base}}/refused
                """))
                .hasMessageContaining("- $.code == work.evidence-missing: $.code is \"work.blocked\"")
                .hasMessageContaining("- $.detail contains vibration: $.detail is \"blocked by PARTS\"")
                .hasMessageNotContaining("$.status == 409:");
    }

    @Test
    void aBodyExpectationOnTextFailsAsNotJson() {
        assertThatThrownBy(() -> run("###\n# @expect-body $.x exists\nGET {{base}}/text\n"))
                .hasMessageContaining("$.x exists: the response body is not JSON")
                .hasMessageContaining("response 200: plain words");
    }

    @Test
    void retriesUntilTheExpectationsHold() {
        List<HttpFileRunner.Step> steps = run("""
                ### the read model catches up
                # @expect-body $.total >= 1
                # @retry 5
                GET {{base}}/eventually
                """);

        assertThat(steps.get(0).attempts()).isEqualTo(3);
        assertThat(calls.get("/eventually").get()).isEqualTo(3);
        assertThat(log.get(0)).contains("after 3 attempts");
    }

    @Test
    void givesUpAfterItsRetriesAndSaysHowOftenItTried() {
        assertThatThrownBy(() -> run("""
                ### never there
                # @expect-body $.total >= 100
                # @retry 4
                GET {{base}}/eventually
                """))
                .hasMessageContaining("GET " + base + "/eventually (5 attempts)")
                .hasMessageContaining("$.total >= 100: $.total is 3");
        assertThat(calls.get("/eventually").get()).isEqualTo(5);
    }

    @Test
    void waitsTheRetryDelayBetweenAttempts() {
        HttpFileRunner slow = HttpFileRunner.builder().variable("base", base).retryDelay(Duration.ofMillis(150)).build();
        long start = System.nanoTime();

        slow.run(HttpFile.parse("###\n# @expect-body $.total >= 1\n# @retry 5\nGET {{base}}/eventually\n"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void stopsAtTheFirstFailure() {
        assertThatThrownBy(() -> run("""
                ### one
                # @expect 201
                GET {{base}}/echo

                ### two
                GET {{base}}/echo
                """)).hasMessageContaining("#1 \"one\"");

        assertThat(received).hasSize(1);
    }

    @Test
    void anUnknownVariableFailsTheRequestBeforeItIsSent() {
        assertThatThrownBy(() -> run("### uses a typo\nGET {{base}}/echo?site={{sitte}}\n"))
                .hasMessageContaining("#1 \"uses a typo\"")
                .hasMessageContaining("{{sitte}} is not a variable of the file");
        assertThat(received).isEmpty();
    }

    @Test
    void aReferenceToARequestThatHasNotRunFails() {
        assertThatThrownBy(() -> run("""
                ### too early
                GET {{base}}/echo?id={{later.response.body.$.id}}

                ###
                # @name later
                POST {{base}}/api/work
                """)).hasMessageContaining("refers to 'later', but no request of that @name has run before this one");
    }

    @Test
    void aReferenceToNothingInTheResponseFailsShowingTheResponse() {
        assertThatThrownBy(() -> run("""
                ###
                # @name work
                POST {{base}}/api/work

                ### wrong field
                GET {{base}}/echo?id={{work.response.body.$.workId}}
                """)).hasMessageContaining("#2 \"wrong field\"")
                .hasMessageContaining("{{work.response.body.$.workId}}: nothing at $.workId in the response of 'work': {\"id\":\"w-42\"");
        assertThatThrownBy(() -> run("""
                ###
                # @name work
                POST {{base}}/api/work

                ###
                GET {{base}}/echo?x={{work.response.headers.X-Nope}}
                """)).hasMessageContaining("the response of 'work' has no header X-Nope");
    }

    @Test
    void expectedValuesMayReferToEarlierResponses() {
        run("""
                ###
                # @name work
                POST {{base}}/api/work

                ###
                # @expect 201
                # @expect-body $.id == {{work.response.body.$.id}}
                POST {{base}}/api/work
                """);
        assertThatThrownBy(() -> run("""
                ###
                # @name work
                POST {{base}}/api/work

                ###
                # @expect-body $.method == {{work.response.body.$.id}}
                GET {{base}}/echo
                """)).hasMessageContaining("$.method == {{work.response.body.$.id}} (w-42): $.method is \"GET\"");
    }

    @Test
    void dynamicVariables() {
        run("###\nGET {{base}}/echo?u={{$uuid}}&t={{$timestamp}}&i={{$isoTimestamp}}&r={{$randomInt}}\n");

        String query = received.get(0).split(" ")[1];
        String uuid = query.replaceAll(".*u=([^&]+).*", "$1");
        assertThat(UUID.fromString(uuid)).isNotNull();
        assertThat(query).matches(".*&t=\\d+&i=\\d{4}-.*Z&r=\\d+");
        assertThatThrownBy(() -> run("###\nGET {{base}}/echo?x={{$nope}}\n")).hasMessageContaining("unknown dynamic variable");
    }

    @Test
    void datetimesRelativeToNowAsVsCodeRestClientWritesThem() {
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        run("@now = {{$datetime iso8601}}\n@later = {{$datetime iso8601 8 h}}\n@earlier = {{$datetime iso8601 -1 d}}\n"
                + "###\nGET {{base}}/echo?now={{now}}&later={{later}}&earlier={{earlier}}\n");

        String query = received.get(0).split(" ")[1];
        Instant now = Instant.parse(query.replaceAll(".*now=([^&]+).*", "$1"));
        Instant later = Instant.parse(query.replaceAll(".*later=([^&]+).*", "$1"));
        Instant earlier = Instant.parse(query.replaceAll(".*earlier=([^&]+).*", "$1"));
        assertThat(now).isBetween(before, before.plusSeconds(5));
        assertThat(java.time.Duration.between(now, later).toHours()).isEqualTo(8);
        assertThat(java.time.Duration.between(earlier, now).toDays()).isEqualTo(1);
        assertThatThrownBy(() -> run("@x = {{$datetime iso8601 2 weeks}}\n###\nGET {{base}}/echo?x={{x}}\n")).hasMessageContaining("unknown unit weeks");
        assertThatThrownBy(() -> run("@x = {{$datetime rfc1123}}\n###\nGET {{base}}/echo?x={{x}}\n")).hasMessageContaining("expected $datetime iso8601");
    }

    @Test
    void aCycleOfVariablesIsReportedNotOverflowed() {
        assertThatThrownBy(() -> run("@a = {{b}}\n@b = {{a}}\n###\nGET {{base}}/echo?x={{a}}\n"))
                .hasMessageContaining("nest deeper than");
    }

    @Test
    void anUnreachableServerFailsTheRequest() {
        HttpFileRunner runner = HttpFileRunner.builder().variable("base", "http://127.0.0.1:1").build();

        assertThatThrownBy(() -> runner.run(HttpFile.parse("### nobody home\nGET {{base}}/x\n")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("#1 \"nobody home\"")
                .hasMessageContaining("could not send it");
    }
}
