package io.sitework.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events client, as a portal's EventSource would be: the response's lines go to a subscriber
 * that parses them into events as they arrive, so a test sees each event when the server flushes it, and
 * closing cancels the connection the way a closed browser tab does.
 */
public final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One event; {@code id} and {@code event} are null when the server sent none. */
    public record Event(String id, String event, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private final int status;
    private final HttpHeaders headers;

    private SseClient(URI uri, Map<String, String> requestHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        requestHeaders.forEach(request::header);
        CompletableFuture<HttpResponse.ResponseInfo> info = new CompletableFuture<>();
        HTTP.sendAsync(request.build(), responseInfo -> {
            info.complete(responseInfo);
            return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
        }).whenComplete((response, failure) -> {
            ended.countDown();
            if (failure != null) {
                info.completeExceptionally(failure);
            }
        });
        try {
            HttpResponse.ResponseInfo response = info.get(10, TimeUnit.SECONDS);
            this.status = response.statusCode();
            this.headers = response.headers();
        } catch (Exception e) {
            throw new AssertionError("no response headers from " + uri, e);
        }
    }

    /** Connects with the given request headers (name, value, name, value…). */
    public static SseClient connect(URI uri, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new SseClient(uri, map);
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The next event, whatever its name. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout + "; lines so far: " + lines());
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event of that name; events of other names before it are skipped. */
    public Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Event event = next(left.isNegative() ? Duration.ZERO : left);
            if (name.equals(event.event())) {
                return event;
            }
        }
    }

    /** The events received and not taken yet. */
    public List<Event> pending() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    public String nextComment(Duration timeout) throws InterruptedException {
        String comment = comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (comment == null) {
            throw new AssertionError("no comment within " + timeout);
        }
        return comment;
    }

    /** True once the server ended the response. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The whole body so far, for a response that is not a stream (a problem document). */
    public String body(Duration timeout) throws InterruptedException {
        awaitEnd(timeout);
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private synchronized void line(String line) {
        lines.add(line);
    }

    private final class Lines implements Flow.Subscriber<String> {
        private String id;
        private String event;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            line(line);
            if (line.isEmpty()) {
                if (data != null || event != null) {
                    events.add(new Event(id, event, data == null ? "" : data.toString()));
                }
                id = null;
                event = null;
                data = null;
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1));
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }
    }
}
