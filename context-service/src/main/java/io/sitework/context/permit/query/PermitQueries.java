package io.sitework.context.permit.query;

import io.sitework.context.permit.api.ActivePermitsView;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.PermitView;
import io.sitework.support.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Lists of permits from the permits read model (MongoDB collection {@code permits}). Every query is filtered by site. */
@Component
public class PermitQueries {

    /** The fields {@code sort} accepts on the permit list. */
    public static final Set<String> SORTABLE = Set.of("requestedAt", "updatedAt", "validFrom", "validTo", "status", "type");

    /** Permits not yet ended: what is (or may soon be) active on an asset. */
    static final Set<PermitStatus> NOT_ENDED = EnumSet.complementOf(EnumSet.copyOf(PermitStatus.ENDED));

    private final MongoTemplate mongo;
    private final PermitsReplay readModel;

    public PermitQueries(MongoTemplate mongo, PermitsReplay readModel) {
        this.mongo = mongo;
        this.readModel = readModel;
    }

    /**
     * What a permit list asks for; every given criterion must hold, empty sets and nulls mean "any".
     *
     * @param siteIds the sites to cover (never empty); null only for an org admin asking for every site
     * @param assetId a permit whose scope or isolation points include the asset
     */
    public record Filter(Set<String> siteIds, Set<PermitStatus> statuses, Set<PermitType> types, String workId, String assetId) {
        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            types = types == null ? Set.of() : Set.copyOf(types);
        }
    }

    public Paging.Page<PermitView> list(Filter filter, int page, int size, Sort sort) {
        List<Criteria> all = new ArrayList<>();
        if (filter.siteIds() != null) {
            all.add(Criteria.where("siteId").in(filter.siteIds()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(Criteria.where("status").in(filter.statuses()));
        }
        if (!filter.types().isEmpty()) {
            all.add(Criteria.where("type").in(filter.types()));
        }
        if (filter.workId() != null) {
            all.add(Criteria.where("workIds").is(filter.workId()));
        }
        if (filter.assetId() != null) {
            all.add(onAsset(filter.assetId()));
        }
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all));
        long total = mongo.count(query, PermitDocument.class, readModel.activeCollection());
        query.with(PageRequest.of(page, size, sort.and(Sort.by("_id"))));
        List<PermitView> items = mongo.find(query, PermitDocument.class, readModel.activeCollection()).stream()
                .map(PermitDocument::toView).toList();
        return new Paging.Page<>(items, page, size, total);
    }

    /** The permits not yet ended that concern the asset, and the isolation points in place on it whatever their permit's status. */
    public ActivePermitsView activeOnAsset(String siteId, String assetId) {
        Query query = new Query(new Criteria().andOperator(
                Criteria.where("siteId").is(siteId),
                onAsset(assetId),
                new Criteria().orOperator(Criteria.where("status").in(NOT_ENDED), Criteria.where("isolatedAssetIds").is(assetId))));
        query.with(Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("_id")));
        List<PermitDocument> found = mongo.find(query, PermitDocument.class, readModel.activeCollection());
        List<PermitView> permits = found.stream().filter(p -> NOT_ENDED.contains(p.status)).map(PermitDocument::toView).toList();
        List<ActivePermitsView.ActiveIsolation> isolations = new ArrayList<>();
        for (PermitDocument permit : found) {
            permit.isolations.stream().filter(i -> assetId.equals(i.assetId) && i.state.inPlace())
                    .forEach(i -> isolations.add(new ActivePermitsView.ActiveIsolation(permit.id, permit.type, permit.status,
                            i.isolationId, i.point, i.method, i.state, i.appliedBy, i.appliedAt, i.verifiedBy, i.verifiedAt)));
        }
        return new ActivePermitsView(assetId, permits, isolations);
    }

    private static Criteria onAsset(String assetId) {
        return new Criteria().orOperator(Criteria.where("assetIds").is(assetId), Criteria.where("isolations.assetId").is(assetId));
    }
}
