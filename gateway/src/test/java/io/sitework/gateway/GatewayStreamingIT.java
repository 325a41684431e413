package io.sitework.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-sent events through the gateway, as the inbox's live stream sends them: each event reaches the client
 * while the backend's response is still open (nothing buffers it), a stream that stays quiet for longer than
 * the gateway's response timeout is not cut (that timeout only bounds the wait for the response headers),
 * {@code Last-Event-ID} reaches the backend on a reconnect, and a client that leaves closes the backend's
 * connection too, so the service notices and forgets the stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.store=memory",
        // the same filter as the default 30 s, shorter so that a stream can outlast it quickly
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"
})
class GatewayStreamingIT {

    private static final String STREAM = "/api/notifications/stream";
    private static final Duration QUIET = Duration.ofMillis(2500);
    private static final Duration SOON = Duration.ofSeconds(10);

    static final StubBackend NOTIFICATION = StubBackend.start("notification");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_NOTIFICATION_URL", NOTIFICATION::url);
    }

    @AfterAll
    static void stop() {
        NOTIFICATION.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DevTokenIssuer tokens;

    private final CountDownLatch firstEventSeen = new CountDownLatch(1);
    private final CompletableFuture<Void> backendSawTheClientLeave = new CompletableFuture<>();

    @BeforeEach
    void backendStreamsLikeTheNotificationService() {
        NOTIFICATION.reset();
        NOTIFICATION.respond(STREAM, this::stream);
    }

    /** One event at once; a second after the client saw the first and a quiet spell longer than the gateway's timeout; then heartbeats. */
    private void stream(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "id:41\nevent:notification\ndata:{\"seq\":41}\n\n");
        if (!firstEventSeen.await(SOON.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        Thread.sleep(QUIET.toMillis()); // the quiet spell is what is tested, not a wait for something to happen
        write(out, "id:42\nevent:notification\ndata:{\"seq\":42}\n\n");
        long deadline = System.nanoTime() + SOON.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                write(out, ":heartbeat\n\n");
                Thread.sleep(50);
            }
        } catch (IOException clientGone) {
            backendSawTheClientLeave.complete(null);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void eventsStreamThroughUnbufferedAndOutlastTheResponseTimeout() throws Exception {
        try (Lines lines = Lines.open(URI.create("http://localhost:" + port + STREAM), token(), "Last-Event-ID", "40")) {
            assertThat(lines.info.statusCode()).isEqualTo(200);
            assertThat(lines.info.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(lines.info.headers().firstValue("X-Correlation-Id")).isPresent();

            // while the backend's response is still open
            assertThat(lines.next()).isEqualTo("id:41");
            assertThat(lines.next()).isEqualTo("event:notification");
            assertThat(lines.next()).isEqualTo("data:{\"seq\":41}");
            assertThat(lines.next()).isEmpty();
            firstEventSeen.countDown();

            long quietFrom = System.nanoTime();
            assertThat(lines.next()).isEqualTo("id:42");
            assertThat(Duration.ofNanos(System.nanoTime() - quietFrom)).as("quieter than the 1 s response timeout").isGreaterThan(Duration.ofSeconds(2));
            assertThat(lines.next()).isEqualTo("event:notification");
            assertThat(lines.next()).isEqualTo("data:{\"seq\":42}");
            assertThat(lines.next()).isEmpty();
            assertThat(lines.next()).isEqualTo(":heartbeat");
        }

        StubBackend.Received request = NOTIFICATION.takeRequest();
        assertThat(request.header("Last-Event-ID")).isEqualTo("40");
        assertThat(request.header("Authorization")).startsWith("Bearer ");
        // the client left: the gateway closed the backend's connection, so the service can forget the stream
        backendSawTheClientLeave.get(SOON.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void theLastEventIdParameterIsForwardedUnchanged() throws Exception {
        try (Lines lines = Lines.open(URI.create("http://localhost:" + port + STREAM + "?lastEventId=40"), token())) {
            assertThat(lines.next()).isEqualTo("id:41");
            firstEventSeen.countDown();
        }
        assertThat(NOTIFICATION.takeRequest().pathAndQuery()).isEqualTo(STREAM + "?lastEventId=40");
    }

    private String token() {
        return tokens.issue(new DevTokenIssuer.Grant("stream-it", null, Map.of(), false)).value();
    }

    /** The response's lines as they arrive; closing cancels the request, as a closed browser tab does. */
    private static final class Lines implements Flow.Subscriber<String>, AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private HttpResponse.ResponseInfo info;

        static Lines open(URI uri, String token, String... headers) throws Exception {
            Lines lines = new Lines();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            CompletableFuture<HttpResponse.ResponseInfo> info = new CompletableFuture<>();
            HTTP.sendAsync(request.build(), responseInfo -> {
                info.complete(responseInfo);
                return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
            });
            lines.info = info.get(SOON.toMillis(), TimeUnit.MILLISECONDS);
            return lines;
        }

        String next() throws InterruptedException {
            String line = lines.poll(SOON.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("a line within " + SOON).isNotNull();
            return line;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        @Override
        public void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
