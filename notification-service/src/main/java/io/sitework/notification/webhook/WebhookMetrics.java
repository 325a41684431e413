package io.sitework.notification.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The notification metrics, channel {@code webhook}: registered at startup so they exist (at zero) before the
 * first delivery. delivered = a 2xx answer; failed = a delivery that used up its retries; retried = a failed
 * attempt that was scheduled again; latency = from the event's time to its delivery (first delivery only,
 * not manual redeliveries).
 */
@Component
public class WebhookMetrics {

    public static final String DELIVERED = "sitework.notifications.delivered";
    public static final String FAILED = "sitework.notifications.failed";
    public static final String RETRIED = "sitework.notifications.retried";
    public static final String LATENCY = "sitework.notifications.latency";

    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;
    private final Timer latency;

    public WebhookMetrics(MeterRegistry registry) {
        this.delivered = Counter.builder(DELIVERED).description("Notifications delivered to a channel")
                .tag("channel", WebhookDelivery.CHANNEL).register(registry);
        this.failed = Counter.builder(FAILED).description("Notifications given up on after every retry")
                .tag("channel", WebhookDelivery.CHANNEL).register(registry);
        this.retried = Counter.builder(RETRIED).description("Failed notification attempts scheduled for another try")
                .tag("channel", WebhookDelivery.CHANNEL).register(registry);
        this.latency = Timer.builder(LATENCY).description("From the event's time to its delivery")
                .tag("channel", WebhookDelivery.CHANNEL).register(registry);
    }

    void delivered(Duration sinceEvent) {
        delivered.increment();
        if (sinceEvent != null) {
            latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
        }
    }

    void failed() {
        failed.increment();
    }

    void retried() {
        retried.increment();
    }
}
