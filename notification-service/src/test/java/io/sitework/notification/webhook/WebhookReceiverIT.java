package io.sitework.notification.webhook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/WebhookReceiver.java, the receiver the docs hand to downstream teams, compiled as they would run it
 * and fed deliveries signed by the service's own signer: the two must agree.
 */
class WebhookReceiverIT {

    private static final Path SOURCE = Path.of("..", "docs", "WebhookReceiver.java");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    static Path classes;

    private static Class<?> receiver;
    private static com.sun.net.httpserver.HttpServer server;
    private static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void compileAndStart() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), SOURCE.toString());
        assertThat(status).as("docs/WebhookReceiver.java compiles").isZero();
        receiver = new URLClassLoader(new URL[]{classes.toUri().toURL()}, WebhookReceiverIT.class.getClassLoader()).loadClass("WebhookReceiver");
        Method start = receiver.getDeclaredMethod("start", int.class, String.class, int.class, PrintStream.class);
        start.setAccessible(true);
        server = (com.sun.net.httpserver.HttpServer) start.invoke(null, 0, SECRET, 1, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void itsVerificationAcceptsTheStandardWebhooksTestVector() throws Exception {
        Method verify = receiver.getDeclaredMethod("verify", String.class, String.class, long.class, String.class, String.class);
        verify.setAccessible(true);

        assertThat(verify.invoke(null, SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isEqualTo(true);
        assertThat(verify.invoke(null, SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232315}",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isEqualTo(false);
    }

    @Test
    void itFailsTheFirstDeliveryAsToldThenAcceptsAndRecognisesARepeat() throws Exception {
        String body = "{\"specversion\":\"1.0\",\"id\":\"e-1\"}";
        long now = Instant.now().getEpochSecond();
        String id = "d-" + now;

        assertThat(send(id, now, body, WebhookSigner.sign(SECRET, id, now, body))).isEqualTo(500);
        assertThat(send(id, now, body, WebhookSigner.sign(SECRET, id, now, body))).isEqualTo(204);
        assertThat(send(id, now, body, WebhookSigner.sign(SECRET, id, now, body))).isEqualTo(204);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("already processed " + id);

        assertThat(send(id, now, body + " ", WebhookSigner.sign(SECRET, id, now, body))).as("tampered body").isEqualTo(401);
        assertThat(send(id, now, body, WebhookSigner.sign(WebhookSigner.newSecret(), id, now, body))).as("other secret").isEqualTo(401);
        long stale = now - 3600;
        assertThat(send(id, stale, body, WebhookSigner.sign(SECRET, id, stale, body))).as("a replay an hour later").isEqualTo(401);
    }

    private int send(String id, long timestamp, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
                .header("content-type", WebhookDeliveryWorker.CONTENT_TYPE)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
