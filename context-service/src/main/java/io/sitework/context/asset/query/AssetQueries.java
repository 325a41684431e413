package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.support.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Lists of assets from the asset tree read model. Every query is filtered by site. */
@Component
public class AssetQueries {

    private final MongoTemplate mongo;

    public AssetQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param siteIds  the sites to cover (never empty); null only for an org admin asking for every site
     * @param parentId a parent asset id, or the literal "root" for top-level assets; null for all
     */
    public record Filter(Set<String> siteIds, String parentId, AssetStatus status, String text) {
    }

    public Paging.Page<AssetView> list(Filter filter, int page, int size, Sort sort) {
        Criteria criteria = filter.siteIds() == null ? new Criteria() : Criteria.where("siteId").in(filter.siteIds());
        if ("root".equals(filter.parentId())) {
            criteria = criteria.and("parentId").is(null);
        } else if (filter.parentId() != null) {
            criteria = criteria.and("parentId").is(filter.parentId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.text() != null) {
            // no $text here: an anchored prefix on the normalised tag, or a case-insensitive match on the name
            String quoted = Pattern.quote(filter.text());
            criteria = criteria.orOperator(
                    Criteria.where("tagKey").regex("^" + Pattern.quote(filter.text().toUpperCase(Locale.ROOT))),
                    Criteria.where("name").regex(quoted, "i"));
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, AssetDocument.class);
        query.with(PageRequest.of(page, size, sort.and(Sort.by("_id"))));
        List<AssetView> items = mongo.find(query, AssetDocument.class).stream().map(AssetDocument::toView).toList();
        return new Paging.Page<>(items, page, size, total);
    }
}
