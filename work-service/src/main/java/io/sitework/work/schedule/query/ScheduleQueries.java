package io.sitework.work.schedule.query;

import io.sitework.support.web.Paging;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.ScheduleView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Lists of schedules from their read model. Every query is filtered by site. */
@Component
public class ScheduleQueries {

    private final MongoTemplate mongo;
    private final ScheduleBoardReplay readModel;

    public ScheduleQueries(MongoTemplate mongo, ScheduleBoardReplay readModel) {
        this.mongo = mongo;
        this.readModel = readModel;
    }

    /** @param siteIds the sites to cover (never empty); null only for an org admin asking for every site */
    public record Filter(Set<String> siteIds, Boolean active, WorkKind kind) {
    }

    public Paging.Page<ScheduleView> list(Filter filter, int page, int size, Sort sort) {
        Criteria criteria = filter.siteIds() == null ? new Criteria() : Criteria.where("siteId").in(filter.siteIds());
        if (filter.active() != null) {
            criteria = criteria.and("active").is(filter.active());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, ScheduleDocument.class, readModel.activeCollection());
        query.with(PageRequest.of(page, size, sort.and(Sort.by("_id"))));
        List<ScheduleView> items = mongo.find(query, ScheduleDocument.class, readModel.activeCollection()).stream().map(ScheduleDocument::toView).toList();
        return new Paging.Page<>(items, page, size, total);
    }
}
