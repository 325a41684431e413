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

/** Lists of work from the work board read model. Every query is filtered by site. */
@Component
public class WorkQueries {

    private final MongoTemplate mongo;

    public WorkQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Filter(String siteId, WorkStatus status, WorkKind kind, String ownerId) {
    }

    public Paging.Page<WorkView> list(Filter filter, int page, int size, Sort sort) {
        Criteria criteria = Criteria.where("siteId").is(filter.siteId());
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
        List<WorkView> items = mongo.find(query, WorkDocument.class).stream().map(WorkDocument::toView).toList();
        return new Paging.Page<>(items, page, size, total);
    }
}
