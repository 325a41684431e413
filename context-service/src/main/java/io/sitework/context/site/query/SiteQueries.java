package io.sitework.context.site.query;

import io.sitework.context.readmodel.MongoPages;
import io.sitework.context.site.api.SiteView;
import io.sitework.support.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Lists of sites from the site directory, restricted to the sites the caller may read. */
@Component
public class SiteQueries {

    public static final Set<String> SORTABLE = Set.of("code", "name", "registeredAt");

    private final MongoTemplate mongo;
    private final SiteReplay readModel;

    public SiteQueries(MongoTemplate mongo, SiteReplay readModel) {
        this.mongo = mongo;
        this.readModel = readModel;
    }

    /**
     * @param siteIds the sites to cover (never empty); null only for an org admin asking for every site
     * @param text    a code prefix or part of the name, any case; null for all
     */
    public Paging.Page<SiteView> list(Set<String> siteIds, String text, int page, int size, Sort sort) {
        Criteria criteria = MongoPages.onSites("_id", siteIds);
        if (text != null) {
            criteria = MongoPages.codePrefixOrNameContains(criteria, "code", "name", text);
        }
        return MongoPages.page(mongo, criteria, SiteDocument.class, readModel.activeCollection(), page, size, sort,
                SiteDocument::toView);
    }
}
