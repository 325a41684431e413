package io.sitework.context.contractor.query;

import io.sitework.context.contractor.api.ContractorView;
import io.sitework.context.readmodel.MongoPages;
import io.sitework.support.web.Paging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/** Lists of contractors from the contractor directory. Every query is filtered by site. */
@Component
public class ContractorQueries {

    public static final Set<String> SORTABLE = Set.of("name", "registeredAt");

    private final MongoTemplate mongo;
    private final ContractorsReplay readModel;
    private final Clock clock;

    public ContractorQueries(MongoTemplate mongo, ContractorsReplay readModel, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.readModel = readModel;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @param siteIds       the sites to cover (never empty); null only for an org admin asking for every site
     * @param text          a part of the name, any case, taken literally; null for all
     * @param qualification only contractors holding this qualification validly now; null for all
     */
    public record Filter(Set<String> siteIds, String text, String qualification) {
    }

    public Paging.Page<ContractorView> list(Filter filter, int page, int size, Sort sort) {
        Instant now = clock.instant();
        Criteria criteria = MongoPages.onSites("siteId", filter.siteIds());
        if (filter.text() != null) {
            criteria = criteria.and("name").regex(Pattern.quote(filter.text()), "i");
        }
        if (filter.qualification() != null) {
            criteria = criteria.and("qualifications").elemMatch(Criteria.where("qualification").is(filter.qualification())
                    .and("lapsedAt").is(null)
                    .orOperator(Criteria.where("validUntil").is(null), Criteria.where("validUntil").gt(now)));
        }
        return MongoPages.page(mongo, criteria, ContractorDocument.class, readModel.activeCollection(), page, size, sort, c -> c.toView(now));
    }
}
