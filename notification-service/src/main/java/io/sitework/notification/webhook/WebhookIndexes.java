package io.sitework.notification.webhook;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The delivery log's indexes on real MongoDB: the worker's "what is due" and a subscription's log, newest
 * first. The in-process server accepts and ignores them (see InboxIndexes), so nothing depends on them.
 */
@Component
public class WebhookIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public WebhookIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(WebhookDelivery.class);
        indexes.createIndex(new Index()
                .on(WebhookDeliveryStore.STATUS, Sort.Direction.ASC)
                .on(WebhookDeliveryStore.NEXT_ATTEMPT_AT, Sort.Direction.ASC)
                .named("status_nextAttemptAt"));
        indexes.createIndex(new Index()
                .on(WebhookDeliveryStore.SUBSCRIPTION_ID, Sort.Direction.ASC)
                .on(WebhookDeliveryStore.CREATED_AT, Sort.Direction.DESC)
                .named("subscriptionId_createdAt"));
    }
}
