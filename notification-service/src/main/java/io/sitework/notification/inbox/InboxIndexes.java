package io.sitework.notification.inbox;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the inbox indexes at startup, before the Kafka listener starts writing (creating an index
 * that exists is a no-op). The compound indexes serve "a user's inbox, newest first" and the live stream's
 * "a user's entries after sequence number n" on real MongoDB; {@code seq} alone serves the stream's poller.
 * The in-process server used by tests and the embedded default accepts these declarations but builds
 * no non-unique index (it logs "not yet implemented. ignoring"), so no behaviour may depend on them.
 */
@Component
public class InboxIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public InboxIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(InboxEntry.class);
        indexes.createIndex(new Index().on(InboxStore.USER_ID, Sort.Direction.ASC).named("userId"));
        indexes.createIndex(new Index().on(InboxStore.OCCURRED_AT, Sort.Direction.DESC).named("occurredAt"));
        indexes.createIndex(new Index()
                .on(InboxStore.USER_ID, Sort.Direction.ASC)
                .on(InboxStore.OCCURRED_AT, Sort.Direction.DESC)
                .named("userId_occurredAt"));
        indexes.createIndex(new Index().on(InboxStore.SEQ, Sort.Direction.ASC).named("seq"));
        indexes.createIndex(new Index()
                .on(InboxStore.USER_ID, Sort.Direction.ASC)
                .on(InboxStore.SEQ, Sort.Direction.ASC)
                .named("userId_seq"));
    }
}
