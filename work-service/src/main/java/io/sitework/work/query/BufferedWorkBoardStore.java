package io.sitework.work.query;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.Flushable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The work board of a rebuild, written behind: a rebuild is the only writer of the collection it fills, so the
 * documents it has read or folded are kept in memory (the most recently used, up to {@code capacity}) and the changed
 * ones are written in one unordered bulk of upserts every {@code batch} changed documents, and whenever the rebuild
 * flushes (before it switches the board over). A work item's many events are then folded in memory and written once
 * per batch instead of read and rewritten once per event (docs/performance.md, replay). Not for the live board: there
 * other instances and the processors' retries need every event's write to land before its token moves.
 */
final class BufferedWorkBoardStore implements WorkBoardStore, Flushable {

    private final MongoTemplate mongo;
    private final String collection;
    private final int batch;
    private final int capacity;
    private final Map<String, WorkDocument> documents = new LinkedHashMap<>(1024, 0.75f, true);
    private final Set<String> changed = new LinkedHashSet<>();
    private long writes;

    BufferedWorkBoardStore(MongoTemplate mongo, String collection, int batch, int capacity) {
        if (batch < 1 || capacity < batch) {
            throw new IllegalArgumentException("batch must be at least 1 and capacity at least batch");
        }
        this.mongo = mongo;
        this.collection = collection;
        this.batch = batch;
        this.capacity = capacity;
    }

    @Override
    public Optional<WorkDocument> find(String workId) {
        WorkDocument cached = documents.get(workId);
        if (cached != null) {
            return Optional.of(cached);
        }
        WorkDocument stored = mongo.findById(workId, WorkDocument.class, collection);
        if (stored != null) {
            documents.put(workId, stored);
        }
        return Optional.ofNullable(stored);
    }

    @Override
    public void save(WorkDocument document) {
        documents.put(document.id, document);
        changed.add(document.id);
        if (changed.size() >= batch) {
            flush();
        }
    }

    /** Writes every changed document (one bulk of upserts), then forgets the least recently used beyond the capacity. */
    @Override
    public void flush() {
        if (!changed.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, WorkDocument.class, collection);
            for (String id : changed) {
                bulk.replaceOne(new Query(Criteria.where("_id").is(id)), documents.get(id), FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
            writes += changed.size();
            changed.clear();
        }
        for (Iterator<String> eldest = documents.keySet().iterator(); documents.size() > capacity && eldest.hasNext(); ) {
            eldest.next();
            eldest.remove();
        }
    }

    @Override
    public void clear() {
        documents.clear();
        changed.clear();
        mongo.remove(new Query(), WorkDocument.class, collection);
    }

    /** Documents written so far. */
    long writes() {
        return writes;
    }

    /** Documents changed and not written yet. */
    int pending() {
        return changed.size();
    }
}
