package io.sitework.work.query;

import io.sitework.support.web.Paging;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Lists of work from the work board read model. Every query is filtered by site. */
@Component
public class WorkQueries {

    private final MongoTemplate mongo;
    private final java.time.Clock clock;

    public WorkQueries(MongoTemplate mongo, java.time.Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @param siteIds the sites to cover (never empty); null only for an org admin asking for every site */
    public record Filter(Set<String> siteIds, WorkStatus status, WorkKind kind, String ownerId) {
    }

    public Paging.Page<WorkView> list(Filter filter, int page, int size, Sort sort) {
        Criteria criteria = filter.siteIds() == null ? new Criteria() : Criteria.where("siteId").in(filter.siteIds());
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.ownerId() != null) {
            criteria = criteria.and("ownerId").is(filter.ownerId());
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, WorkDocument.class);
        query.with(PageRequest.of(page, size, sort.and(Sort.by("_id"))));
        List<WorkView> items = mongo.find(query, WorkDocument.class).stream().map(d -> d.toView(clock.instant())).toList();
        return new Paging.Page<>(items, page, size, total);
    }
}
