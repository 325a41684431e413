package io.sitework.notification.audience;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The work and permit views. A view is saved after everything its event caused is stored, and only
 * forward: a save of an older sequence (a late redelivery) changes nothing.
 */
@Repository
public class AudienceStore {

    private final MongoTemplate mongo;

    public AudienceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<WorkAudience> work(String workId) {
        return Optional.ofNullable(mongo.findById(workId, WorkAudience.class));
    }

    public Optional<PermitAudience> permit(String permitId) {
        return Optional.ofNullable(mongo.findById(permitId, PermitAudience.class));
    }

    /** Permits whose work includes the work, in the given statuses. */
    public List<PermitAudience> permitsOfWork(String workId, List<String> statuses) {
        return mongo.find(query(where("workIds").is(workId).and("status").in(statuses)), PermitAudience.class);
    }

    public void save(WorkAudience next) {
        saveForward(next.id, next.lastSequence, next);
    }

    public void save(PermitAudience next) {
        saveForward(next.id, next.lastSequence, next);
    }

    /**
     * One round trip: replaces the view where it is older, inserts it where there is none; a newer stored
     * view makes the upsert collide with its own id, which means there is nothing to do.
     */
    private void saveForward(String id, long sequence, Object document) {
        try {
            mongo.findAndReplace(query(where("_id").is(id).and("lastSequence").lt(sequence)), document,
                    FindAndReplaceOptions.options().upsert());
        } catch (DuplicateKeyException newerStored) {
            // the stored view is already at or past this sequence
        }
    }
}
