package io.sitework.notification.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST to a receiver, bounded in time and in what is read back (the status and the first 1 KB of
 * the body: enough for the delivery log, too little for a hostile receiver to hurt us). Redirects are not
 * followed: a 3xx is a failed attempt, so a subscriber cannot bounce deliveries elsewhere.
 */
public class WebhookSender {

    public static final int RESPONSE_LIMIT = 1024;

    private final HttpClient client;
    private final Duration readTimeout;

    public WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
    }

    /** What one POST came to: a status (any, 2xx or not) or an error without one. */
    public record Outcome(Integer statusCode, String error, long durationMs, String response) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** Why it failed, or null if it was delivered. */
        public String failure() {
            if (delivered()) {
                return null;
            }
            return error != null ? error : "HTTP " + statusCode;
        }
    }

    /** Starts the POST; the future always completes normally, with the outcome, within the timeouts. */
    public CompletableFuture<Outcome> post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(readTimeout).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> exchange;
        try {
            exchange = client.sendAsync(request.build(), info -> new FirstBytes(RESPONSE_LIMIT));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "invalid request: " + e.getMessage(), 0, null));
        }
        // the request timeout covers waiting for the response's head; this bounds the (limited) body as well
        return exchange.orTimeout(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS).handle((response, failure) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (failure != null) {
                exchange.cancel(true);
                return new Outcome(null, describe(failure), millis, null);
            }
            return new Outcome(response.statusCode(), null, millis, response.body());
        });
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timeout: no response within the read timeout";
        }
        if (cause instanceof ConnectException) {
            Throwable inner = cause.getCause();
            return inner instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Collects the first {@code limit} bytes of a body, then stops reading. */
    static final class FirstBytes implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                if (bytes.size() >= limit) {
                    subscription.cancel();
                    finish();
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            // a multi-byte character cut at the limit becomes a replacement character
            result.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
    }
}
