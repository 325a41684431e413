import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Sitework webhook receiver in one file, for trying webhooks out and as a model for your own (Java 17,
 * no dependencies):
 *
 * <pre>
 *   java docs/WebhookReceiver.java --port 9099 --secret whsec_... [--fail-first 2]
 * </pre>
 *
 * It listens on 127.0.0.1, verifies every delivery's Standard Webhooks signature with the secret returned
 * when the subscription was created, refuses stale timestamps (replays), prints the CloudEvent, answers
 * 500 to the first N deliveries (to watch Sitework retry them) and then 204. A webhook-id it has already
 * processed is acknowledged without processing it again: Sitework delivers at least once, and a retry or a
 * redelivery carries the same webhook-id.
 */
public class WebhookReceiver {

    /** Standard Webhooks' recommended tolerance between the webhook-timestamp and the receiver's clock. */
    static final long TOLERANCE_SECONDS = 5 * 60;

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("secret")) {
            System.err.println("usage: java docs/WebhookReceiver.java --port 9099 --secret whsec_... [--fail-first 2]");
            System.exit(2);
        }
        int port = Integer.parseInt(options.getOrDefault("port", "9099"));
        int failFirst = Integer.parseInt(options.getOrDefault("fail-first", "0"));
        HttpServer server = start(port, options.get("secret"), failFirst, System.out);
        System.out.println("Listening on http://127.0.0.1:" + server.getAddress().getPort() + "/ (failing the first " + failFirst
                + " deliveries); Ctrl-C to stop");
    }

    /** Starts the receiver (port 0: any free port) and returns its server. */
    static HttpServer start(int port, String secret, int failFirst, PrintStream out) throws IOException {
        AtomicInteger toFail = new AtomicInteger(failFirst);
        Set<String> processed = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> handle(exchange, secret, toFail, processed, out));
        server.start();
        return server;
    }

    private static void handle(HttpExchange exchange, String secret, AtomicInteger toFail, Set<String> processed, PrintStream out)
            throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        out.println("--- " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " webhook-id=" + id + " webhook-timestamp=" + timestamp);
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            answer(exchange, 400, "missing or malformed webhook-timestamp", out);
            return;
        }
        if (id == null || !verify(secret, id, sentAt, body, signature)) {
            answer(exchange, 401, "signature does not verify", out);
            return;
        }
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            answer(exchange, 401, "timestamp outside the tolerance (a replay?)", out);
            return;
        }
        out.println("signature ok; body: " + body);
        if (toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 500, "failing on purpose (--fail-first)", out);
            return;
        }
        if (!processed.add(id)) {
            answer(exchange, 204, "already processed " + id + ": acknowledged, not processed again", out);
            return;
        }
        answer(exchange, 204, "processed", out);
    }

    /**
     * The Standard Webhooks check: base64(HMAC-SHA256(base64-decoded secret after "whsec_", id.timestamp.body))
     * must equal one of the space-separated "v1,&lt;signature&gt;" values, compared in constant time.
     */
    static boolean verify(String secret, String id, long timestamp, String body, String signatureHeader) {
        if (signatureHeader == null || !secret.startsWith("whsec_")) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    private static void answer(HttpExchange exchange, int status, String message, PrintStream out) throws IOException {
        out.println("-> " + status + " " + message);
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
