package io.sitework.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A backend service on a random local port that records what reached it. By default it answers
 * 200 with its name and echoes the correlation id, as the real services do.
 */
final class StubBackend implements AutoCloseable {

    record Received(String method, String pathAndQuery, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();

    private StubBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubBackend start(String name) {
        try {
            return new StubBackend(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for exactly this raw path with {@code responder} instead of the default. */
    void respond(String rawPath, Responder responder) {
        responders.put(rawPath, responder);
    }

    Received takeRequest() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError(name + " received no request");
        }
        return request;
    }

    boolean receivedNothing() {
        return received.isEmpty();
    }

    void reset() {
        received.clear();
        responders.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), query == null ? raw : raw + "?" + query,
                    exchange.getRequestHeaders(), body));
            Responder responder = responders.getOrDefault(raw, this::answerWithName);
            responder.respond(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answerWithName(HttpExchange exchange) throws IOException {
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
        }
        send(exchange, 200, "application/json", "{\"backend\":\"" + name + "\"}");
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
