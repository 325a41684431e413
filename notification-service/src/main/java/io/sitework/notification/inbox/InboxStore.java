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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    static final String SEQ = "seq";

    /** Newest first; the id breaks ties so that paging is stable. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc(OCCURRED_AT), Sort.Order.desc(CREATED_AT), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;
    private final InboxSequence sequence;

    public InboxStore(MongoTemplate mongo, InboxSequence sequence) {
        this.mongo = mongo;
        this.sequence = sequence;
    }

    /**
     * Stores the entry unless one with its id exists (then nothing changes, not even a field). A new entry gets
     * the next {@link InboxEntry#seq() sequence number}, whatever the given entry carries.
     *
     * @return true if it was stored now, false if it was already there
     */
    public boolean insertIfAbsent(InboxEntry entry) {
        if (mongo.exists(byId(entry.id()), InboxEntry.class)) {
            // a redelivery: don't spend a sequence number on it
            return false;
        }
        Update onInsertOnly = new Update()
                .setOnInsert(SEQ, sequence.next())
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

    /**
     * The user's entries with {@code afterSeq < seq <= uptoSeq}, oldest first; when there are more than
     * {@code limit}, the newest {@code limit} of them.
     */
    public List<InboxEntry> findForUserBetween(String userId, long afterSeq, long uptoSeq, int limit) {
        Query newest = query(where(USER_ID).is(userId).and(SEQ).gt(afterSeq).lte(uptoSeq))
                .with(Sort.by(Sort.Order.desc(SEQ))).limit(limit);
        List<InboxEntry> entries = new ArrayList<>(mongo.find(newest, InboxEntry.class));
        Collections.reverse(entries);
        return entries;
    }

    /** Entries of every user stored with a sequence number above {@code afterSeq}, in that order, at most {@code limit}. */
    public List<InboxEntry> findStoredAfter(long afterSeq, int limit) {
        return mongo.find(query(where(SEQ).gt(afterSeq)).with(Sort.by(Sort.Order.asc(SEQ))).limit(limit), InboxEntry.class);
    }

    /** The highest sequence number stored, 0 when none is. */
    public long highestSeq() {
        InboxEntry last = mongo.findOne(query(where(SEQ).gt(0L)).with(Sort.by(Sort.Order.desc(SEQ))).limit(1), InboxEntry.class);
        return last == null ? 0L : last.seq();
    }

    public InboxCounts countsFor(String userId) {
        long total = mongo.count(query(where(USER_ID).is(userId)), InboxEntry.class);
        long unread = mongo.count(query(where(USER_ID).is(userId).and(READ_AT).is(null)), InboxEntry.class);
        return new InboxCounts(unread, total);
    }

    /** Marks every unread entry of the user read at {@code at}; entries read before keep their time. */
    public long markAllRead(String userId, Instant at) {
        return mongo.updateMulti(query(where(USER_ID).is(userId).and(READ_AT).is(null)), Update.update(READ_AT, at), InboxEntry.class)
                .getModifiedCount();
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
