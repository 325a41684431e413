package io.sitework.notification.webhook;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.ForbiddenException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteworkUser;
import io.sitework.support.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * What a caller may do with subscriptions and their delivery logs. A subscription is managed by whoever holds
 * WEBHOOK_MANAGE on every one of its sites (a subscription to every site: only an org admin). Reads of one that
 * is on none of the caller's sites answer 404, so its existence does not leak; commands on it answer 403, as
 * every other command of the platform does (docs/security.md).
 */
@Service
public class WebhookSubscriptions {

    static final int MAX_EVENT_TYPES = 50;
    static final int MAX_SITES = 100;
    static final int MAX_DESCRIPTION = 500;

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final TargetPolicy targets;
    private final Clock clock;

    public WebhookSubscriptions(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, TargetPolicy targets, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.clock = clock;
    }

    /** What a subscriber asks for; validated here so every field's problem is named at once. */
    public record Request(String url, List<String> eventTypes, List<String> siteIds, String description) {
    }

    /** The new subscription, secret included: the only time it is shown. */
    public WebhookSubscription subscribe(Request request, SiteworkUser user) {
        Request valid = validate(request);
        if (valid.siteIds().isEmpty()) {
            if (!user.orgAdmin()) {
                throw new ForbiddenException("Only an organisation administrator may subscribe to the events of every site; name your sites in siteIds");
            }
        } else {
            valid.siteIds().forEach(site -> checkManage(user, site));
        }
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), valid.url(), valid.eventTypes(),
                valid.siteIds(), valid.description(), WebhookStatus.ENABLED, WebhookSigner.newSecret(), clock.instant(), user.subject(),
                0, null, null);
        subscriptions.insert(subscription);
        log.info("Webhook subscription {} by {} for {} on {}", subscription.id(), user.subject(), subscription.eventTypes(),
                subscription.allSites() ? "every site" : subscription.siteIds());
        return subscription;
    }

    /** The subscriptions the caller manages, newest first; with {@code siteId}, only those covering that site. */
    public List<WebhookSubscription> list(SiteworkUser user, String siteId) {
        if (siteId != null && !user.can(Permission.WEBHOOK_MANAGE, siteId)) {
            throw new ForbiddenException("Your roles on site " + siteId + " do not allow webhook manage");
        }
        return subscriptions.findAll().stream()
                .filter(s -> mayManage(user, s))
                .filter(s -> siteId == null || s.allSites() || s.siteIds().contains(siteId))
                .toList();
    }

    public WebhookSubscription get(String id, SiteworkUser user) {
        return readable(id, user);
    }

    /**
     * Deletes the subscription and its delivery log: nothing more is sent, queued deliveries are dropped (a worker
     * finding one of them later deletes it too), and no delivery can be looked up or redelivered any more.
     */
    public void delete(String id, SiteworkUser user) {
        WebhookSubscription subscription = commandable(id, user);
        subscriptions.delete(subscription.id());
        long dropped = deliveries.deleteAllOf(subscription.id());
        log.info("Webhook subscription {} deleted by {} with {} deliveries", subscription.id(), user.subject(), dropped);
    }

    /** Enabled again, its failure count reset; deliveries SKIPPED meanwhile stay so until redelivered. */
    public WebhookSubscription enable(String id, SiteworkUser user) {
        WebhookSubscription subscription = commandable(id, user);
        WebhookSubscription enabled = subscriptions.enable(subscription.id())
                .orElseThrow(() -> new NotFoundException("No webhook subscription " + id));
        if (!subscription.enabled()) {
            log.info("Webhook subscription {} enabled again by {}", id, user.subject());
        }
        return enabled;
    }

    public WebhookDeliveryStore.Slice deliveries(String id, DeliveryStatus status, int page, int size, SiteworkUser user) {
        WebhookSubscription subscription = readable(id, user);
        return deliveries.page(subscription.id(), status, page, size);
    }

    public WebhookDelivery delivery(String id, String deliveryId, SiteworkUser user) {
        WebhookSubscription subscription = readable(id, user);
        return deliveries.find(subscription.id(), deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " of webhook subscription " + id));
    }

    /** Queues a finished delivery for another attempt now, under the same webhook-id. */
    public WebhookDelivery redeliver(String id, String deliveryId, SiteworkUser user) {
        WebhookSubscription subscription = commandable(id, user);
        WebhookDelivery delivery = deliveries.find(subscription.id(), deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " of webhook subscription " + id));
        if (!subscription.enabled()) {
            throw new DomainRuleViolation("webhook.disabled", "Webhook subscription " + id + " is DISABLED; enable it before redelivering");
        }
        WebhookDelivery queued = deliveries.redeliver(subscription.id(), deliveryId, clock.instant())
                .orElseThrow(() -> new DomainRuleViolation("webhook.delivery-queued", "Delivery " + deliveryId + " is "
                        + deliveries.findById(deliveryId).map(d -> d.status().name()).orElse(delivery.status().name())
                        + "; only a DELIVERED, FAILED or SKIPPED delivery can be redelivered"));
        log.info("Webhook delivery {} redelivered by {}", deliveryId, user.subject());
        return queued;
    }

    private WebhookSubscription readable(String id, SiteworkUser user) {
        NotFoundException notFound = new NotFoundException("No webhook subscription " + id);
        WebhookSubscription subscription = subscriptions.findById(id).orElseThrow(() -> notFound);
        if (subscription.allSites()) {
            if (!user.orgAdmin()) {
                throw notFound;
            }
            return subscription;
        }
        if (subscription.siteIds().stream().noneMatch(user::belongsTo)) {
            throw notFound;
        }
        if (!mayManage(user, subscription)) {
            throw new ForbiddenException("Managing this webhook subscription needs webhook manage on every one of its sites");
        }
        return subscription;
    }

    private WebhookSubscription commandable(String id, SiteworkUser user) {
        WebhookSubscription subscription = subscriptions.findById(id).orElseThrow(() -> new NotFoundException("No webhook subscription " + id));
        if (subscription.allSites()) {
            if (!user.orgAdmin()) {
                throw new ForbiddenException("Only an organisation administrator manages a subscription to every site");
            }
        } else {
            subscription.siteIds().forEach(site -> checkManage(user, site));
        }
        return subscription;
    }

    private static boolean mayManage(SiteworkUser user, WebhookSubscription subscription) {
        if (subscription.allSites()) {
            return user.orgAdmin();
        }
        return subscription.siteIds().stream().allMatch(site -> user.can(Permission.WEBHOOK_MANAGE, site));
    }

    private static void checkManage(SiteworkUser user, String siteId) {
        if (!user.belongsTo(siteId)) {
            throw new ForbiddenException("You have no role on site " + siteId);
        }
        if (!user.can(Permission.WEBHOOK_MANAGE, siteId)) {
            throw new ForbiddenException("Your roles on site " + siteId + " (" + user.rolesOn(siteId) + ") do not allow webhook manage");
        }
    }

    Request validate(Request request) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? null : request.url().strip();
        String urlProblem = targets.problemWith(url);
        if (urlProblem != null) {
            errors.add(new BadRequestException.FieldError("url", urlProblem));
        }
        List<String> types = request.eventTypes() == null ? null : List.copyOf(new LinkedHashSet<>(request.eventTypes().stream()
                .map(t -> t == null ? "" : t.strip()).toList()));
        if (types == null || types.isEmpty()) {
            errors.add(new BadRequestException.FieldError("eventTypes", "must name at least one event type or pattern (e.g. io.sitework.permit.*)"));
        } else if (types.size() > MAX_EVENT_TYPES) {
            errors.add(new BadRequestException.FieldError("eventTypes", "at most " + MAX_EVENT_TYPES));
        } else {
            for (int i = 0; i < types.size(); i++) {
                String problem = EventTypePatterns.problemWith(types.get(i));
                if (problem != null) {
                    errors.add(new BadRequestException.FieldError("eventTypes[" + i + "]", problem));
                }
            }
        }
        List<String> sites = null;
        if (request.siteIds() == null) {
            errors.add(new BadRequestException.FieldError("siteIds", "is required; [] means every site (organisation administrators only)"));
        } else if (request.siteIds().stream().anyMatch(s -> s == null || s.isBlank())) {
            errors.add(new BadRequestException.FieldError("siteIds", "must not contain blank ids"));
        } else if (request.siteIds().size() > MAX_SITES) {
            errors.add(new BadRequestException.FieldError("siteIds", "at most " + MAX_SITES));
        } else {
            sites = List.copyOf(new LinkedHashSet<>(request.siteIds().stream().map(String::strip).toList()));
        }
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new BadRequestException.FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
        return new Request(url, types, sites, description);
    }
}
