package io.sitework.notification.webhook;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The delivery log. Every write is one document, atomic and safe to repeat; the worker's claim is a
 * findAndModify, so of two instances asking for the same due delivery only one gets it.
 */
@Repository
public class WebhookDeliveryStore {

    static final String SUBSCRIPTION_ID = "subscriptionId";
    static final String STATUS = "status";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LEASE_TOKEN = "leaseToken";
    static final String CREATED_AT = "createdAt";
    static final String ATTEMPT_COUNT = "attemptCount";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc(CREATED_AT), Sort.Order.desc("_id"));
    private static final List<DeliveryStatus> REDELIVERABLE = List.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.SKIPPED);

    private final MongoTemplate mongo;

    public WebhookDeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the delivery unless one with its id exists; then nothing changes. True if stored now. */
    public boolean insertIfAbsent(WebhookDelivery delivery) {
        Update onInsertOnly = new Update()
                .setOnInsert(SUBSCRIPTION_ID, delivery.subscriptionId())
                .setOnInsert("eventId", delivery.eventId())
                .setOnInsert("eventType", delivery.eventType())
                .setOnInsert("siteId", delivery.siteId())
                .setOnInsert("eventTime", delivery.eventTime())
                .setOnInsert("payload", delivery.payload())
                .setOnInsert(STATUS, delivery.status())
                .setOnInsert(ATTEMPT_COUNT, delivery.attemptCount())
                .setOnInsert("runStart", delivery.runStart())
                .setOnInsert(NEXT_ATTEMPT_AT, delivery.nextAttemptAt())
                .setOnInsert(CREATED_AT, delivery.createdAt())
                .setOnInsert("redeliveries", delivery.redeliveries())
                .setOnInsert("attempts", delivery.attempts());
        try {
            return mongo.upsert(byId(delivery.id()), onInsertOnly, WebhookDelivery.class).getUpsertedId() != null;
        } catch (DuplicateKeyException concurrentInsert) {
            return false;
        }
    }

    /**
     * Takes the next due delivery: PENDING and due, or SENDING with an expired lease (its worker died). It
     * becomes SENDING under a new lease and its attempt is counted.
     */
    public Optional<WebhookDelivery> claimNext(Instant now, Instant leaseUntil, String leaseToken) {
        Query due = query(new Criteria().orOperator(
                where(STATUS).is(DeliveryStatus.PENDING).and(NEXT_ATTEMPT_AT).lte(now),
                where(STATUS).is(DeliveryStatus.SENDING).and(LEASE_UNTIL).lte(now)))
                .with(Sort.by(Sort.Order.asc(NEXT_ATTEMPT_AT), Sort.Order.asc("_id")));
        Update claim = new Update().set(STATUS, DeliveryStatus.SENDING).set(LEASE_UNTIL, leaseUntil).set(LEASE_TOKEN, leaseToken)
                .inc(ATTEMPT_COUNT, 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class));
    }

    /**
     * Records the outcome of a claimed attempt: {@code status} DELIVERED, PENDING (with {@code nextAttemptAt})
     * or FAILED. False if the claim is no longer the caller's (its lease expired and another worker took it,
     * or the delivery was deleted with its subscription); then nothing is written.
     */
    public boolean recordAttempt(String id, String leaseToken, WebhookAttempt attempt, DeliveryStatus status, Instant nextAttemptAt) {
        Update update = new Update().set(STATUS, status).push("attempts", attempt).set("lastAttemptAt", attempt.at())
                .unset(LEASE_UNTIL).unset(LEASE_TOKEN);
        if (nextAttemptAt == null) {
            update.unset(NEXT_ATTEMPT_AT);
        } else {
            update.set(NEXT_ATTEMPT_AT, nextAttemptAt);
        }
        if (status == DeliveryStatus.DELIVERED) {
            update.set("deliveredAt", attempt.at());
        }
        return mongo.updateFirst(claimed(id, leaseToken), update, WebhookDelivery.class).getModifiedCount() > 0;
    }

    /** A claimed delivery of a disabled subscription: not attempted (the claim's count is taken back). */
    public boolean skip(String id, String leaseToken) {
        Update update = new Update().set(STATUS, DeliveryStatus.SKIPPED).inc(ATTEMPT_COUNT, -1)
                .unset(LEASE_UNTIL).unset(LEASE_TOKEN).unset(NEXT_ATTEMPT_AT);
        return mongo.updateFirst(claimed(id, leaseToken), update, WebhookDelivery.class).getModifiedCount() > 0;
    }

    public Optional<WebhookDelivery> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookDelivery.class));
    }

    public Optional<WebhookDelivery> find(String subscriptionId, String deliveryId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(deliveryId).and(SUBSCRIPTION_ID).is(subscriptionId)),
                WebhookDelivery.class));
    }

    /** One page of a subscription's log, newest first, optionally of one status. */
    public Slice page(String subscriptionId, DeliveryStatus status, int page, int size) {
        Criteria criteria = where(SUBSCRIPTION_ID).is(subscriptionId);
        if (status != null) {
            criteria = criteria.and(STATUS).is(status);
        }
        long total = mongo.count(query(criteria), WebhookDelivery.class);
        Query pageQuery = query(criteria).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        return new Slice(mongo.find(pageQuery, WebhookDelivery.class), total);
    }

    /**
     * Queues a finished delivery again (DELIVERED, FAILED or SKIPPED) for an attempt now, with a fresh run of
     * the retry schedule; the id, and so the webhook-id, stay. Empty if it is not finished (still queued or
     * being sent) — or changed between the read and the write, which is the same answer.
     */
    public Optional<WebhookDelivery> redeliver(String subscriptionId, String deliveryId, Instant now) {
        Optional<WebhookDelivery> current = find(subscriptionId, deliveryId).filter(d -> REDELIVERABLE.contains(d.status()));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery before = current.get();
        Query unchanged = query(where("_id").is(deliveryId).and(SUBSCRIPTION_ID).is(subscriptionId)
                .and(STATUS).is(before.status()).and(ATTEMPT_COUNT).is(before.attemptCount()));
        Update queue = new Update().set(STATUS, DeliveryStatus.PENDING).set(NEXT_ATTEMPT_AT, now).set("runStart", before.attemptCount())
                .inc("redeliveries", 1);
        UpdateResult result = mongo.updateFirst(unchanged, queue, WebhookDelivery.class);
        return result.getModifiedCount() > 0 ? findById(deliveryId) : Optional.empty();
    }

    public void delete(String id) {
        mongo.remove(byId(id), WebhookDelivery.class);
    }

    public long deleteAllOf(String subscriptionId) {
        return mongo.remove(query(where(SUBSCRIPTION_ID).is(subscriptionId)), WebhookDelivery.class).getDeletedCount();
    }

    private static Query claimed(String id, String leaseToken) {
        return query(where("_id").is(id).and(LEASE_TOKEN).is(leaseToken).and(STATUS).is(DeliveryStatus.SENDING));
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }

    /** One page of deliveries and how many match in all. */
    public record Slice(List<WebhookDelivery> items, long total) {
        public Slice {
            items = List.copyOf(items);
        }
    }
}
