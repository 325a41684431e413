package io.sitework.notification.rules;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The sites' rules. Read on every event (one small document by id): a change by a site admin applies
 * to the next event, on every instance, with no cache to invalidate.
 */
@Repository
public class RuleStore {

    private final MongoTemplate mongo;

    public RuleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public SiteRules find(String siteId) {
        return siteId == null ? null : mongo.findById(siteId, SiteRules.class);
    }

    public Map<NotificationKind, SiteRule> effective(String siteId) {
        return SiteRules.effective(find(siteId));
    }

    public void save(SiteRules rules) {
        mongo.save(rules);
    }

    /** Back to the defaults. */
    public void reset(String siteId) {
        mongo.remove(query(where("_id").is(siteId)), SiteRules.class);
    }
}
