package io.sitework.notification.timers;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The timers. A timer is claimed with a lease by one instance at a time (findAndModify), so several
 * instances share the work; a claim whose instance died is taken again once its lease has passed.
 */
@Repository
public class TimerStore {

    private final MongoTemplate mongo;

    public TimerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the timer unless one with its id exists. */
    public void schedule(Timer timer) {
        Update onInsert = new Update()
                .setOnInsert("kind", timer.kind())
                .setOnInsert("workId", timer.workId())
                .setOnInsert("siteId", timer.siteId())
                .setOnInsert("dueAt", timer.dueAt())
                .setOnInsert("blockerId", timer.blockerId())
                .setOnInsert("sequence", timer.sequence())
                .setOnInsert("fireAt", timer.fireAt())
                .setOnInsert("status", "PENDING");
        try {
            mongo.upsert(query(where("_id").is(timer.id())), onInsert, Timer.class);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another instance scheduled the same timer at the same moment
        }
    }

    public Optional<Timer> claimDue(Instant now, Duration lease) {
        Criteria due = new Criteria().orOperator(
                where("status").is("PENDING").and("fireAt").lte(now),
                where("status").is("CLAIMED").and("leaseUntil").lt(now));
        Query q = new Query(due).with(Sort.by("fireAt")).limit(1);
        return Optional.ofNullable(mongo.findAndModify(q, new Update().set("status", "CLAIMED").set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Timer.class));
    }

    public void finish(String id, String status, Instant now) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", status).set("doneAt", now).unset("leaseUntil"), Timer.class);
    }

    public Optional<Timer> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Timer.class));
    }
}
