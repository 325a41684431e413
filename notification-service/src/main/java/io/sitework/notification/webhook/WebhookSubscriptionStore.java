package io.sitework.notification.webhook;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The subscriptions collection. Nothing is cached: the fan-out reads the (few) subscriptions for every event,
 * so a change made through any instance applies to the next event everywhere.
 */
@Repository
public class WebhookSubscriptionStore {

    static final String STATUS = "status";
    static final String CONSECUTIVE_FAILED = "consecutiveFailedDeliveries";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    public WebhookSubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(WebhookSubscription subscription) {
        mongo.insert(subscription);
    }

    public Optional<WebhookSubscription> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookSubscription.class));
    }

    /** Every subscription, newest first. */
    public List<WebhookSubscription> findAll() {
        return mongo.find(new Query().with(NEWEST_FIRST), WebhookSubscription.class);
    }

    public boolean delete(String id) {
        return mongo.remove(byId(id), WebhookSubscription.class).getDeletedCount() > 0;
    }

    /** Enabled again with a clean slate; empty if it no longer exists. */
    public Optional<WebhookSubscription> enable(String id) {
        Update update = new Update().set(STATUS, WebhookStatus.ENABLED).set(CONSECUTIVE_FAILED, 0)
                .unset("disabledAt").unset("disabledReason");
        return Optional.ofNullable(mongo.findAndModify(byId(id), update, FindAndModifyOptions.options().returnNew(true),
                WebhookSubscription.class));
    }

    /**
     * Counts one more delivery that used up its retries and disables the subscription once {@code disableAfter}
     * such deliveries follow each other.
     *
     * @return true if this call disabled it
     */
    public boolean deliveryFailed(String id, int disableAfter, Instant now, String reason) {
        WebhookSubscription counted = mongo.findAndModify(byId(id), new Update().inc(CONSECUTIVE_FAILED, 1),
                FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class);
        if (counted == null || !counted.enabled() || counted.consecutiveFailedDeliveries() < disableAfter) {
            return false;
        }
        Update disable = new Update().set(STATUS, WebhookStatus.DISABLED).set("disabledAt", now).set("disabledReason", reason);
        return mongo.updateFirst(query(where("_id").is(id).and(STATUS).is(WebhookStatus.ENABLED)), disable, WebhookSubscription.class)
                .getModifiedCount() > 0;
    }

    /** A delivery got through: the run of failed deliveries is over (written only if there was one). */
    public void deliverySucceeded(String id) {
        mongo.updateFirst(query(where("_id").is(id).and(CONSECUTIVE_FAILED).gt(0)), Update.update(CONSECUTIVE_FAILED, 0),
                WebhookSubscription.class);
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }
}
