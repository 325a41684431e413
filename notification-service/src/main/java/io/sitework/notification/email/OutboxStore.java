package io.sitework.notification.email;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static io.sitework.notification.email.OutboxMessage.COLLECTED;
import static io.sitework.notification.email.OutboxMessage.DIGEST;
import static io.sitework.notification.email.OutboxMessage.DIGEST_ITEM;
import static io.sitework.notification.email.OutboxMessage.FAILED;
import static io.sitework.notification.email.OutboxMessage.INCLUDED;
import static io.sitework.notification.email.OutboxMessage.MESSAGE;
import static io.sitework.notification.email.OutboxMessage.PENDING;
import static io.sitework.notification.email.OutboxMessage.SENDING;
import static io.sitework.notification.email.OutboxMessage.SENT;
import static io.sitework.notification.email.OutboxMessage.SKIPPED;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The e-mail outbox collection. Every write touches one document and is safe to repeat; the claim is one
 * findAndModify, so two sender instances never hold the same message at once. Every change after a claim
 * is conditional on that claim (status SENDING and the attempt number), so a sender whose lease ran out
 * cannot overwrite the outcome of the instance that took the message over.
 */
@Repository
public class OutboxStore {

    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String RECIPIENT_ID = "recipientId";
    static final String NOT_BEFORE = "notBefore";
    static final String DUE_AT = "dueAt";
    static final String DIGEST_ID = "digestId";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String ATTEMPTS = "attempts";
    static final String OCCURRED_AT = "occurredAt";
    static final String CREATED_AT = "createdAt";

    private final MongoTemplate mongo;

    public OutboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a message or a digest item unless its id exists; true if stored now. */
    boolean insertIfAbsent(EmailRequest request, String type, Instant notBefore, Instant dueAt, Instant now) {
        QuietHours quiet = request.quietHours();
        Update onInsertOnly = new Update()
                .setOnInsert(TYPE, type)
                .setOnInsert(STATUS, DIGEST_ITEM.equals(type) ? COLLECTED : PENDING)
                .setOnInsert("eventId", request.eventId())
                .setOnInsert("eventType", request.eventType())
                .setOnInsert("siteId", request.siteId())
                .setOnInsert(RECIPIENT_ID, request.recipientId())
                .setOnInsert("toAddress", request.toAddress())
                .setOnInsert("recipientName", request.recipientName())
                .setOnInsert("kind", request.kind())
                .setOnInsert("subjectId", request.subjectId())
                .setOnInsert("title", request.title())
                .setOnInsert("body", request.body())
                .setOnInsert("link", request.link())
                .setOnInsert(OCCURRED_AT, request.occurredAt())
                .setOnInsert("correlationId", request.correlationId())
                .setOnInsert("zone", request.zone().getId())
                .setOnInsert("quietStart", quiet == null ? null : quiet.start().toString())
                .setOnInsert("quietEnd", quiet == null ? null : quiet.end().toString())
                .setOnInsert("digestAt", request.digestAt() == null ? null : request.digestAt().toString())
                .setOnInsert(NOT_BEFORE, notBefore)
                .setOnInsert(DUE_AT, dueAt)
                .setOnInsert(DIGEST_ID, null)
                .setOnInsert(ATTEMPTS, 0)
                .setOnInsert(CREATED_AT, now);
        return upsertNew(request.deliveryId(), onInsertOnly);
    }

    /**
     * The next message or digest that is due (PENDING and not before now) or abandoned (SENDING with its lease
     * run out), now SENDING with a fresh lease and one more attempt; empty if there is none.
     */
    Optional<OutboxMessage> claimNext(Instant now, Duration lease) {
        Criteria claimable = where(TYPE).in(MESSAGE, DIGEST).orOperator(
                where(STATUS).is(PENDING).and(NOT_BEFORE).lte(now),
                where(STATUS).is(SENDING).and(LEASE_UNTIL).lt(now));
        Update claim = new Update().set(STATUS, SENDING).set(LEASE_UNTIL, now.plus(lease)).inc(ATTEMPTS, 1);
        return Optional.ofNullable(mongo.findAndModify(query(claimable).with(Sort.by(NOT_BEFORE, "_id")), claim,
                FindAndModifyOptions.options().returnNew(true), OutboxMessage.class));
    }

    boolean markSent(OutboxMessage claimed, Instant at) {
        return afterClaim(claimed, new Update().set(STATUS, SENT).set("sentAt", at).unset(LEASE_UNTIL));
    }

    boolean markSkipped(OutboxMessage claimed, Instant at) {
        return afterClaim(claimed, new Update().set(STATUS, SKIPPED).set("sentAt", at).unset(LEASE_UNTIL));
    }

    boolean reschedule(OutboxMessage claimed, Instant notBefore, String error) {
        return afterClaim(claimed, new Update().set(STATUS, PENDING).set(NOT_BEFORE, notBefore).set("lastError", error)
                .unset(LEASE_UNTIL));
    }

    boolean markFailed(OutboxMessage claimed, String error) {
        return afterClaim(claimed, new Update().set(STATUS, FAILED).set("lastError", error).unset(LEASE_UNTIL));
    }

    private boolean afterClaim(OutboxMessage claimed, Update update) {
        Query stillOurs = query(where("_id").is(claimed.id()).and(STATUS).is(SENDING).and(ATTEMPTS).is(claimed.attempts()));
        return mongo.updateFirst(stillOurs, update, OutboxMessage.class).getModifiedCount() > 0;
    }

    /** Digest items not yet carried by a sent digest whose digest time has come. */
    List<OutboxMessage> dueDigestItems(Instant now) {
        return mongo.find(query(where(TYPE).is(DIGEST_ITEM).and(DIGEST_ID).is(null).and(DUE_AT).lte(now))
                .with(Sort.by(CREATED_AT, "_id")), OutboxMessage.class);
    }

    /** Whether a digest of the recipient's waits to be sent (or is being sent). */
    boolean hasUnsentDigest(String recipientId) {
        return mongo.exists(query(where(TYPE).is(DIGEST).and(RECIPIENT_ID).is(recipientId).and(STATUS).in(PENDING, SENDING)),
                OutboxMessage.class);
    }

    /** Stores the digest e-mail unless it exists; true if stored now. {@code from} gives address, name and zone. */
    boolean insertDigestIfAbsent(String digestId, OutboxMessage from, LocalDate date, Instant cutoff, Instant notBefore, Instant now) {
        Update onInsertOnly = new Update()
                .setOnInsert(TYPE, DIGEST)
                .setOnInsert(STATUS, PENDING)
                .setOnInsert(RECIPIENT_ID, from.recipientId())
                .setOnInsert("toAddress", from.toAddress())
                .setOnInsert("recipientName", from.recipientName())
                .setOnInsert("zone", from.zone())
                .setOnInsert("digestDate", date.toString())
                .setOnInsert("cutoff", cutoff)
                .setOnInsert(NOT_BEFORE, notBefore)
                .setOnInsert(ATTEMPTS, 0)
                .setOnInsert(CREATED_AT, now);
        return upsertNew(digestId, onInsertOnly);
    }

    /**
     * The items a digest carries: its recipient's items due by its cutoff that no other sent digest carried,
     * plus those it carried itself already (a resend after a crash between sending and marking SENT is the same
     * e-mail), oldest event first.
     */
    List<OutboxMessage> itemsOf(OutboxMessage digest) {
        Criteria notElsewhere = new Criteria().orOperator(where(DIGEST_ID).is(null), where(DIGEST_ID).is(digest.id()));
        return mongo.find(query(where(TYPE).is(DIGEST_ITEM).and(RECIPIENT_ID).is(digest.recipientId())
                .and(DUE_AT).lte(digest.cutoff()).andOperator(notElsewhere))
                .with(Sort.by(OCCURRED_AT, "_id")), OutboxMessage.class);
    }

    /** Marks the items as carried by the digest; an item another digest carried keeps that one. */
    void markIncluded(Collection<String> itemIds, String digestId) {
        mongo.updateMulti(query(where("_id").in(itemIds).and(DIGEST_ID).is(null)),
                new Update().set(DIGEST_ID, digestId).set(STATUS, INCLUDED), OutboxMessage.class);
    }

    private boolean upsertNew(String id, Update onInsertOnly) {
        try {
            UpdateResult result = mongo.upsert(query(where("_id").is(id)), onInsertOnly, OutboxMessage.class);
            return result.getUpsertedId() != null;
        } catch (DuplicateKeyException concurrentInsert) {
            // two upserts of one new id raced; the other one stored it
            return false;
        }
    }
}
