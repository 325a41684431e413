package io.sitework.notification.inbox;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Hands out the inbox's sequence numbers from one counter document, so that every instance of the service
 * numbers entries in one order: a single-document {@code $inc} is atomic on MongoDB, no transaction needed.
 * A number taken for an entry that turns out to be stored already is simply never used.
 */
@Component
public class InboxSequence {

    static final String COLLECTION = "counters";
    static final String INBOX = "inbox";
    private static final String VALUE = "value";

    private final MongoTemplate mongo;

    public InboxSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next number, starting at 1. */
    public long next() {
        try {
            return increment();
        } catch (DuplicateKeyException firstUseRace) {
            // two instances created the counter at once; it exists now
            return increment();
        }
    }

    private long increment() {
        Document counter = mongo.findAndModify(query(where("_id").is(INBOX)), new Update().inc(VALUE, 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        if (counter == null || !(counter.get(VALUE) instanceof Number value)) {
            throw new IllegalStateException("the inbox counter answered " + counter);
        }
        return value.longValue();
    }
}
