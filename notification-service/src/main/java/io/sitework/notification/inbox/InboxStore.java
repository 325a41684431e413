package io.sitework.notification.inbox;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The inbox collection. Every write is a single-document, idempotent operation: MongoDB transactions
 * are not used (and the in-process test server has none).
 */
@Repository
public class InboxStore {

    static final String USER_ID = "userId";
    static final String OCCURRED_AT = "occurredAt";
    static final String CREATED_AT = "createdAt";
    static final String READ_AT = "readAt";

    /** Newest first; the id breaks ties so that paging is stable. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc(OCCURRED_AT), Sort.Order.desc(CREATED_AT), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    public InboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the entry unless one with its id exists (then nothing changes, not even a field).
     *
     * @return true if it was stored now, false if it was already there
     */
    public boolean insertIfAbsent(InboxEntry entry) {
        Update onInsertOnly = new Update()
                .setOnInsert(USER_ID, entry.userId())
                .setOnInsert("siteId", entry.siteId())
                .setOnInsert("eventId", entry.eventId())
                .setOnInsert("eventType", entry.eventType())
                .setOnInsert("subjectId", entry.subjectId())
                .setOnInsert("title", entry.title())
                .setOnInsert("body", entry.body())
                .setOnInsert("correlationId", entry.correlationId())
                .setOnInsert(OCCURRED_AT, entry.occurredAt())
                .setOnInsert(CREATED_AT, entry.createdAt())
                .setOnInsert(READ_AT, entry.readAt());
        try {
            UpdateResult result = mongo.upsert(byId(entry.id()), onInsertOnly, InboxEntry.class);
            return result.getUpsertedId() != null;
        } catch (DuplicateKeyException concurrentInsert) {
            // two upserts of one new id raced (e.g. during a consumer rebalance); the other one stored it
            return false;
        }
    }

    public InboxSlice findFor(String userId, boolean unreadOnly, int page, int size) {
        Criteria criteria = where(USER_ID).is(userId);
        if (unreadOnly) {
            criteria = criteria.and(READ_AT).is(null);
        }
        long total = mongo.count(query(criteria), InboxEntry.class);
        Query pageQuery = query(criteria).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        return new InboxSlice(mongo.find(pageQuery, InboxEntry.class), total);
    }

    public Optional<InboxEntry> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, InboxEntry.class));
    }

    /**
     * Sets readAt of the user's entry if it is not set yet, so a repeat keeps the first time; empty if the
     * user has no such entry (another user's entry is not theirs to see).
     */
    public Optional<InboxEntry> markRead(String id, String userId, Instant at) {
        mongo.updateFirst(query(where("_id").is(id).and(USER_ID).is(userId).and(READ_AT).is(null)), Update.update(READ_AT, at),
                InboxEntry.class);
        return findById(id).filter(entry -> userId.equals(entry.userId()));
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }
}
