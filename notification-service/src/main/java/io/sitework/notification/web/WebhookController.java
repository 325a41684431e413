package io.sitework.notification.web;

import io.sitework.notification.webhook.DeliveryStatus;
import io.sitework.notification.webhook.WebhookDeliveryStore;
import io.sitework.notification.webhook.WebhookSubscription;
import io.sitework.notification.webhook.WebhookSubscriptions;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Webhook subscriptions of downstream systems and their delivery logs. Who may do what is decided by
 * {@link WebhookSubscriptions}; bad input is answered as 400 problems by service-support's advice.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Integration events POSTed to downstream systems, signed (Standard Webhooks), retried, logged")
public class WebhookController {

    private final WebhookSubscriptions webhooks;

    public WebhookController(WebhookSubscriptions webhooks) {
        this.webhooks = webhooks;
    }

    /** The body of a subscription; unknown fields are refused by the service's JSON settings. */
    public record SubscribeRequest(String url, List<String> eventTypes, List<String> siteIds, String description) {
    }

    @PostMapping
    @Operation(summary = "Subscribes a URL to event types of sites; the answer carries the signing secret, shown this once")
    public ResponseEntity<WebhookView> subscribe(@RequestBody SubscribeRequest body) {
        WebhookSubscription created = webhooks.subscribe(
                new WebhookSubscriptions.Request(body.url(), body.eventTypes(), body.siteIds(), body.description()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(WebhookView.withSecret(created));
    }

    @GetMapping
    @Operation(summary = "The subscriptions the caller manages, newest first")
    public Paging.Page<WebhookView> list(
            @Parameter(description = "Only those covering this site (403 if the caller may not manage webhooks there)")
            @RequestParam(required = false) String siteId,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most " + Paging.MAX_SIZE)
            @RequestParam(defaultValue = "50") int size) {
        Paging.validate(page, size);
        List<WebhookSubscription> all = webhooks.list(CurrentUser.get(), siteId);
        List<WebhookView> items = all.stream().skip((long) page * size).limit(size).map(WebhookView::of).toList();
        return new Paging.Page<>(items, page, size, all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription, with its status and why it was disabled (never its secret)")
    public WebhookView get(@PathVariable String id) {
        return WebhookView.of(webhooks.get(id, CurrentUser.get()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes the subscription with its delivery log; nothing more is sent, queued deliveries are dropped")
    public void delete(@PathVariable String id) {
        webhooks.delete(id, CurrentUser.get());
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enables a disabled subscription again (a no-op on an enabled one); skipped deliveries stay skipped")
    public WebhookView enable(@PathVariable String id) {
        return WebhookView.of(webhooks.enable(id, CurrentUser.get()));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first")
    public Paging.Page<WebhookDeliveryView> deliveries(
            @PathVariable String id,
            @Parameter(description = "Only deliveries in this status")
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most " + Paging.MAX_SIZE)
            @RequestParam(defaultValue = "50") int size) {
        Paging.validate(page, size);
        WebhookDeliveryStore.Slice slice = webhooks.deliveries(id, status, page, size, CurrentUser.get());
        return new Paging.Page<>(slice.items().stream().map(WebhookDeliveryView::summary).toList(), page, size, slice.total());
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its payload and every attempt")
    public WebhookDeliveryView delivery(@PathVariable String id, @PathVariable String deliveryId) {
        return WebhookDeliveryView.detail(webhooks.delivery(id, deliveryId, CurrentUser.get()));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queues a DELIVERED, FAILED or SKIPPED delivery for another attempt now, same webhook-id, fresh retry schedule")
    public WebhookDeliveryView redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        return WebhookDeliveryView.summary(webhooks.redeliver(id, deliveryId, CurrentUser.get()));
    }
}
