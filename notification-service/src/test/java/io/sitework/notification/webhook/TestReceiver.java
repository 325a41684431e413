package io.sitework.notification.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A downstream system for tests, on 127.0.0.1: it records every request per path and answers 500 for as
 * many requests as it is told to fail (or always), then 200.
 */
final class TestReceiver implements AutoCloseable {

    static final int ALWAYS = Integer.MAX_VALUE;

    record Received(String path, String webhookId, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a path that fails the next {@code failures} requests (ALWAYS: every one). */
    String url(String path, int failures) {
        failuresLeft.put(path, failures);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void failNext(String path, int failures) {
        failuresLeft.put(path, failures);
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var headers = exchange.getRequestHeaders();
        received.add(new Received(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"), headers.getFirst("content-type"), new String(body, StandardCharsets.UTF_8)));
        int left = failuresLeft.getOrDefault(path, 0);
        boolean fail = left > 0;
        if (fail && left != ALWAYS) {
            failuresLeft.put(path, left - 1);
        }
        byte[] answer = (fail ? "receiver says no " + "x".repeat(2000) : "ok").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
