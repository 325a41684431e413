package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetTreeNode;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.readmodel.MongoPages;
import io.sitework.support.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists and subtrees of assets from the asset tree read model. Every query is filtered by site. */
@Component
public class AssetQueries {

    public static final Set<String> SORTABLE = Set.of("tag", "name", "assetClass", "criticality", "status", "registeredAt");

    private final MongoTemplate mongo;
    private final AssetTreeReplay readModel;

    public AssetQueries(MongoTemplate mongo, AssetTreeReplay readModel) {
        this.mongo = mongo;
        this.readModel = readModel;
    }

    /**
     * @param siteIds  the sites to cover (never empty); null only for an org admin asking for every site
     * @param parentId a parent asset id, or the literal "root" for top-level assets; null for all
     * @param text     a tag prefix or a part of the name, any case, taken literally; null for all
     */
    public record Filter(Set<String> siteIds, String parentId, AssetStatus status, String assetClass, String text) {
    }

    public Paging.Page<AssetView> list(Filter filter, int page, int size, Sort sort) {
        Criteria criteria = MongoPages.onSites("siteId", filter.siteIds());
        if ("root".equals(filter.parentId())) {
            criteria = criteria.and("parentId").is(null);
        } else if (filter.parentId() != null) {
            criteria = criteria.and("parentId").is(filter.parentId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.assetClass() != null) {
            criteria = criteria.and("assetClass").is(filter.assetClass());
        }
        if (filter.text() != null) {
            // no $text here: an anchored prefix on the normalised tag, or a case-insensitive match on the name
            criteria = MongoPages.codePrefixOrNameContains(criteria, "tagKey", "name", filter.text());
        }
        return MongoPages.page(mongo, criteria, AssetDocument.class, readModel.activeCollection(), page, size, sort, AssetDocument::toView);
    }

    /** The asset and everything below it, level by level from the read model; children sorted by tag. */
    public AssetTreeNode subtree(AssetView root) {
        Map<String, List<AssetDocument>> childrenOf = new HashMap<>();
        String collection = readModel.activeCollection();
        Set<String> seen = new HashSet<>(Set.of(root.id()));
        List<String> level = List.of(root.id());
        while (!level.isEmpty()) {
            List<AssetDocument> children = mongo.find(new Query(Criteria.where("siteId").is(root.siteId()).and("parentId").in(level)),
                    AssetDocument.class, collection);
            List<String> next = new ArrayList<>();
            for (AssetDocument child : children) {
                if (seen.add(child.getId())) {
                    childrenOf.computeIfAbsent(child.getParentId(), k -> new ArrayList<>()).add(child);
                    next.add(child.getId());
                }
            }
            level = next;
        }
        return node(root.id(), root.parentId(), root.tag(), root.name(), root.assetClass(), root.criticality(), root.status(), childrenOf);
    }

    private static AssetTreeNode node(String id, String parentId, String tag, String name, String assetClass,
                                      Criticality criticality, AssetStatus status,
                                      Map<String, List<AssetDocument>> childrenOf) {
        List<AssetTreeNode> children = childrenOf.getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparing(AssetDocument::getTagKey))
                .map(c -> node(c.getId(), c.getParentId(), c.getTag(), c.getName(), c.getAssetClass(), c.getCriticality(), c.getStatus(),
                        childrenOf))
                .toList();
        return new AssetTreeNode(id, parentId, tag, name, assetClass, criticality, status, children);
    }
}
