package io.sitework.notification.email;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * The outbox's indexes on real MongoDB: what is due to be sent, and a recipient's digest items. The
 * in-process server accepts but does not build them, so nothing depends on them but speed.
 */
@Component
public class EmailIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public EmailIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(OutboxMessage.class);
        indexes.createIndex(new Index().on(OutboxStore.STATUS, Sort.Direction.ASC).on(OutboxStore.NOT_BEFORE, Sort.Direction.ASC)
                .named("status_notBefore"));
        indexes.createIndex(new Index().on(OutboxStore.TYPE, Sort.Direction.ASC).on(OutboxStore.RECIPIENT_ID, Sort.Direction.ASC)
                .on(OutboxStore.DIGEST_ID, Sort.Direction.ASC).named("type_recipient_digest"));
    }
}
