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
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which MongoDB collection holds each read model, so a rebuild can fill a new collection beside the
 * live one and switch readers and the projection over in one write. The pointers live in
 * {@code read_model_versions}: {@code {_id: "work-board", active: "work", building: null, generation: 0}}.
 * Lookups are cached; the cache is refreshed on a switch made here, and after a few seconds for a
 * switch made by another instance ({@link #CACHE_FOR}).
 *
 * <p>The pointer is also where instances of a service meet during a rebuild (ADR 0009): the rebuilding
 * instance writes its progress and a heartbeat there, and sets {@code phase: "switching"} for the
 * hand-over, which every other instance answers by pausing its own processor of that read model.
 */
public class ReadModelCollections {

    public static final String POINTERS = "read_model_versions";
    /** How long an instance may read a pointer it cached; an old collection outlives a switch by more. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(5);
    /** The hand-over phase, while every instance pauses the read model's processor. */
    public static final String SWITCHING = "switching";

    /**
     * Where a read model is and what a running rebuild fills.
     *
     * @param phase     {@link #SWITCHING} during a hand-over, else null
     * @param rebuilder the instance running the current or last rebuild
     * @param heartbeat when that instance last showed it is alive (a rebuild without one for long died with it)
     * @param progress  the current or last rebuild's progress, as the rebuilding instance last wrote it
     */
    public record Pointer(String readModel, String active, String building, long generation, String phase,
                          String rebuilder, Instant heartbeat, Document progress) {

        /** Whether the instance that runs a rebuild has shown itself alive within {@code within}. */
        public boolean alive(Instant now, Duration within) {
            return heartbeat != null && heartbeat.plus(within).isAfter(now);
        }
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
    public Pointer startBuilding(String readModel, String initial, String rebuilder) {
        Pointer current = pointer(readModel, initial);
        long generation = current.generation() + 1;
        Document updated = mongo.findAndModify(
                new Query(Criteria.where("_id").is(readModel).and("building").is(null)),
                new Update().set("building", initial + "_" + generation).set("generation", generation)
                        .set("rebuilder", rebuilder).set("heartbeat", Date.from(clock.instant())).set("phase", null),
                FindAndModifyOptions.options().returnNew(true), Document.class, POINTERS);
        if (updated == null) {
            throw new DomainRuleViolation("replay-running", "A rebuild of " + readModel + " is already running");
        }
        return toPointer(updated);
    }

    /** Records a running rebuild's progress and that its instance is alive. */
    public void heartbeat(String readModel, String building, Document progress) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(building)),
                new Update().set("heartbeat", Date.from(clock.instant())).set("progress", progress), POINTERS);
    }

    /** Records how the last rebuild ended, for every instance to show. */
    public void recordEnd(String readModel, Document progress) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel)), new Update().set("progress", progress), POINTERS);
    }

    /** Asks every instance to pause the read model's processor for the hand-over of {@code building}. */
    public void beginSwitch(String readModel, String building) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(building)),
                new Update().set("phase", SWITCHING).set("heartbeat", Date.from(clock.instant())), POINTERS);
    }

    /** Makes the built collection the active one, for readers and the live projection alike; processors may resume. */
    public void switchTo(String readModel, String built) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(built)),
                new Update().set("active", built).set("building", null).set("phase", null), POINTERS);
        cache.put(readModel, new Cached(built, clock.instant().plus(CACHE_FOR)));
    }

    /** Forgets a rebuild that did not finish; the active collection stays and processors may resume. */
    public void abandon(String readModel, String building) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(readModel).and("building").is(building)),
                new Update().set("building", null).set("phase", null), POINTERS);
    }

    private static Pointer toPointer(Document document) {
        Number generation = document.get("generation", Number.class);
        Date heartbeat = document.get("heartbeat", Date.class);
        return new Pointer(document.getString("_id"), document.getString("active"), document.getString("building"),
                generation == null ? 0 : generation.longValue(), document.getString("phase"), document.getString("rebuilder"),
                heartbeat == null ? null : heartbeat.toInstant(), document.get("progress", Document.class));
    }
}
