package io.sitework.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events stream read as a portal reads it: events parsed from the response's lines as they
 * arrive; closing cancels the request, as a closed browser tab does.
 */
final class SseLines implements Flow.Subscriber<String>, AutoCloseable {

    /** One event; {@code id} is null when the server sent none. */
    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private int status;
    private String id;
    private String name;
    private String data;

    private SseLines() {
    }

    static SseLines open(HttpClient http, URI uri, String token, String lastEventId) throws Exception {
        SseLines stream = new SseLines();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<Integer> status = new CompletableFuture<>();
        http.sendAsync(request.build(), info -> {
            status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
        });
        stream.status = status.get(30, TimeUnit.SECONDS);
        return stream;
    }

    int status() {
        return status;
    }

    /** The next event named {@code wanted}; others before it are skipped. */
    Event next(String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + wanted + "' event within " + timeout);
            }
            if (wanted.equals(event.name())) {
                return event;
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            if (name != null || data != null) {
                events.add(new Event(id, name, data));
            }
            id = null;
            name = null;
            data = null;
        } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
            name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            data = line.substring(5);
        }
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
