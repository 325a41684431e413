package io.sitework.support.replay;

import io.sitework.support.domain.DomainRuleViolation;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which MongoDB collection holds each read model, so a rebuild can fill a new collection beside the
 * live one and switch readers and the projection over in one write. The pointers live in
 * {@code read_model_versions}: {@code {_id: "work-board", active: "work", building: null, generation: 0}}.
 * Lookups are cached; the cache is refreshed on a switch made here, and after a few seconds for a
 * switch made by another instance.
 */
public class ReadModelCollections {

    public static final String POINTERS = "read_model_versions";
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    /** Where a read model is and what a running rebuild fills. */
    public record Pointer(String readModel, String active, String building, long generation) {
    }

    private record Cached(String collection, Instant until) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ReadModelCollections(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The collection readers and the live projection use; {@code initial} until a rebuild switched it. */
    public String active(String readModel, String initial) {
        Instant now = clock.instant();
        Cached cached = cache.get(readModel);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.collection();
        }
        String active = pointer(readModel, initial).active();
        cache.put(readModel, new Cached(active, now.plus(CACHE_FOR)));
        return active;
    }

    /** The stored pointer, created on first use. */
    public Pointer pointer(String readModel, String initial) {
        Document found = mongo.findById(readModel, Document.class, POINTERS);
        if (found == null) {
            try {
                mongo.insert(new Document("_id", readModel).append("active", initial).append("building", null)
                        .append("generation", 0L), POINTERS);
            } catch (DuplicateKeyException raced) {
                // another instance created it first
            }
            found = mongo.findById(readModel, Document.class, POINTERS);
        }
        return toPointer(found);
    }

    /**
     * Reserves a new collection for a rebuild ({@code <initial>_<generation>}).
     *
     * @throws DomainRuleViolation when a rebuild of this read model is already under way
     */
    public Pointer startBuilding(String readModel, String initial) {
        Pointer current = pointer(readModel, initial);
        long generation = current.generation() + 1;
        Document updated = mongo.findAndModify(
                new Query(Criteria.where("_id").is(readModel).and("building").is(null)),
                new Update().set("building", initial + "_" + generation).set("generation", generation),
                FindAndModifyOptions.options().returnNew(true), Document.class, POINTERS);
        if (updated == null) {
            throw new DomainRuleViolation("replay-running", "A rebuild of " + readModel + " is already running");
        }
        return toPointer(updated);
    }

    /** Makes the built collection the active one, for readers and the live projection alike. */
    public void switchTo(String readModel, String built) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(built)),
                new Update().set("active", built).set("building", null), POINTERS);
        cache.put(readModel, new Cached(built, clock.instant().plus(CACHE_FOR)));
    }

    /** Forgets a rebuild that did not finish; the active collection stays. */
    public void abandon(String readModel, String building) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(building)),
                new Update().set("building", null), POINTERS);
    }

    private static Pointer toPointer(Document document) {
        Number generation = document.get("generation", Number.class);
        return new Pointer(document.getString("_id"), document.getString("active"), document.getString("building"),
                generation == null ? 0 : generation.longValue());
    }
}
