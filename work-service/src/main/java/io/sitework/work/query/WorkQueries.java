package io.sitework.work.query;

import io.sitework.support.web.Paging;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import io.sitework.support.replay.ReadModelCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists and boards of work from the work board read model (MongoDB collection {@code work} until a rebuild switches it). Every
 * query is filtered by site: a set of site ids, or {@code null} only for an org admin asking for
 * every site. Text search is a regex on the lower-cased {@code searchText} ($text is not available
 * on every MongoDB endpoint Sitework runs against, see STACK.md).
 */
@Component
public class WorkQueries {

    /** Work that is still to be done: what can be blocked, be overdue or be due today. */
    public static final Set<WorkStatus> OPEN = EnumSet.of(WorkStatus.REQUESTED, WorkStatus.PLANNED, WorkStatus.IN_PROGRESS,
            WorkStatus.ON_HOLD);

    /** The fields {@code sort} accepts on the work list. */
    public static final Set<String> SORTABLE = Set.of("dueAt", "requestedAt", "updatedAt", "priority", "title", "status", "kind");

    /** Sorts on computed keys cannot use an index: a big site's list may need more than MongoDB's in-memory sort limit. */
    private static final AggregationOptions SORT_ON_DISK = AggregationOptions.builder().allowDiskUse(true).build();

    static final String SORT_KEY = "_sortKey";
    static final String NULLS_LAST = "_nullsLast";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ReadModelCollections collections;

    public WorkQueries(MongoTemplate mongo, Clock clock, ReadModelCollections collections) {
        this.mongo = mongo;
        this.clock = clock;
        this.collections = collections;
    }

    /** The board's active collection: a rebuild switches it (see {@link WorkBoardReplay}). */
    private String board() {
        return WorkBoardReplay.activeCollection(collections);
    }

    /**
     * What a work list asks for; every given criterion must hold. Empty sets, nulls and an empty
     * {@code searchTerms} mean "any".
     *
     * @param siteIds     the sites to cover; null only for an org admin asking for every site
     * @param overdue     true: open and {@code dueAt <= now}; false: the others
     * @param searchTerms lower-cased words that must all occur in the title or description
     * @param dueBefore   {@code dueAt < dueBefore} (work without a due date never matches)
     */
    public record Filter(Set<String> siteIds, Set<WorkStatus> statuses, Set<WorkKind> kinds, String ownerId, String assigneeId,
                         String assetId, String permitId, Boolean blocked, Boolean overdue, List<String> searchTerms,
                         Instant dueBefore) {

        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            searchTerms = searchTerms == null ? List.of() : List.copyOf(searchTerms);
        }

        /** Every work item of the given sites. */
        public static Filter sites(Set<String> siteIds) {
            return new Filter(siteIds, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public Paging.Page<WorkView> list(Filter filter, int page, int size, Sort sort) {
        if (filter.siteIds() != null && filter.siteIds().isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        Instant now = clock.instant();
        Criteria criteria = criteria(filter, now);
        long total = mongo.count(new Query(criteria), WorkDocument.class, board());
        if (total <= (long) page * size) {
            return new Paging.Page<>(List.of(), page, size, total);
        }
        List<AggregationOperation> stages = new ArrayList<>();
        stages.add(Aggregation.match(criteria));
        stages.addAll(sortStages(sort));
        stages.add(Aggregation.skip((long) page * size));
        stages.add(Aggregation.limit(size));
        TypedAggregation<WorkDocument> aggregation = Aggregation.newAggregation(WorkDocument.class, stages).withOptions(SORT_ON_DISK);
        List<WorkView> items = mongo.aggregate(aggregation, board(), WorkDocument.class).getMappedResults().stream()
                .map(d -> d.toView(now)).toList();
        return new Paging.Page<>(items, page, size, total);
    }

    /** The MongoDB criteria of a list filter at instant {@code now}. */
    static Criteria criteria(Filter filter, Instant now) {
        List<Criteria> all = new ArrayList<>();
        if (filter.siteIds() != null) {
            all.add(Criteria.where("siteId").in(filter.siteIds()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(Criteria.where("status").in(names(filter.statuses())));
        }
        if (!filter.kinds().isEmpty()) {
            all.add(Criteria.where("kind").in(names(filter.kinds())));
        }
        if (filter.ownerId() != null) {
            all.add(Criteria.where("ownerId").is(filter.ownerId()));
        }
        if (filter.assigneeId() != null) {
            all.add(Criteria.where("assigneeIds").is(filter.assigneeId()));
        }
        if (filter.assetId() != null) {
            all.add(Criteria.where("assetIds").is(filter.assetId()));
        }
        if (filter.permitId() != null) {
            all.add(Criteria.where("permitIds").is(filter.permitId()));
        }
        if (filter.blocked() != null) {
            all.add(Criteria.where("blocked").is(filter.blocked()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(Criteria.where("status").in(names(OPEN)));
            all.add(Criteria.where("dueAt").lte(now));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(new Criteria().orOperator(
                    Criteria.where("status").nin(names(OPEN)),
                    Criteria.where("dueAt").is(null),
                    Criteria.where("dueAt").gt(now)));
        }
        for (String term : filter.searchTerms()) {
            all.add(Criteria.where("searchText").regex(QueryParameters.literalRegex(term)));
        }
        if (filter.dueBefore() != null) {
            all.add(Criteria.where("dueAt").lt(filter.dueBefore()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /**
     * The stages that order a list: {@code priority} from LOW to CRITICAL and {@code status} in
     * lifecycle order (not alphabetically), {@code title} ignoring case, work without a due date last
     * whichever the direction; ties broken by id so pages never overlap.
     */
    static List<AggregationOperation> sortStages(Sort sort) {
        Sort.Order order = sort.iterator().hasNext() ? sort.iterator().next() : Sort.Order.desc("requestedAt");
        int direction = order.isAscending() ? 1 : -1;
        String field = order.getProperty();
        Document keys = new Document();
        Document sortBy = new Document();
        switch (field) {
            case "priority" -> {
                keys.put(SORT_KEY, new Document("$indexOfArray", List.of(names(Priority.values()), "$priority")));
                sortBy.put(SORT_KEY, direction);
            }
            case "status" -> {
                keys.put(SORT_KEY, new Document("$indexOfArray", List.of(names(WorkStatus.values()), "$status")));
                sortBy.put(SORT_KEY, direction);
            }
            case "title" -> {
                keys.put(SORT_KEY, new Document("$toLower", "$title"));
                sortBy.put(SORT_KEY, direction);
            }
            case "dueAt" -> {
                keys.put(NULLS_LAST, new Document("$cond", List.of(
                        new Document("$eq", Arrays.asList(new Document("$ifNull", Arrays.asList("$dueAt", null)), null)), 1, 0)));
                sortBy.put(NULLS_LAST, 1);
                sortBy.put("dueAt", direction);
            }
            default -> sortBy.put(field, direction);
        }
        sortBy.put("_id", 1);
        List<AggregationOperation> stages = new ArrayList<>();
        if (!keys.isEmpty()) {
            stages.add(raw(new Document("$addFields", keys)));
        }
        stages.add(raw(new Document("$sort", sortBy)));
        return stages;
    }

    /** The counts of one site's board, "today" being the current date in {@code zone}. */
    public WorkBoard board(String siteId, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();

        Map<WorkStatus, Long> byStatus = new EnumMap<>(WorkStatus.class);
        for (WorkStatus status : WorkStatus.values()) {
            byStatus.put(status, 0L);
        }
        TypedAggregation<WorkDocument> perStatus = Aggregation.newAggregation(WorkDocument.class,
                Aggregation.match(Criteria.where("siteId").is(siteId)),
                Aggregation.group("status").count().as("count"));
        for (Document row : mongo.aggregate(perStatus, board(), Document.class).getMappedResults()) {
            Object status = row.get("_id");
            if (status != null) {
                byStatus.put(WorkStatus.valueOf(status.toString()), ((Number) row.get("count")).longValue());
            }
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long open = OPEN.stream().mapToLong(byStatus::get).sum();
        long blocked = count(openOf(siteId).and("blocked").is(true));
        long overdue = count(openOf(siteId).and("dueAt").lte(now));
        long dueToday = count(openOf(siteId).and("dueAt").gte(startOfToday).lt(startOfTomorrow));
        long ready = count(Criteria.where("siteId").is(siteId).and("status").is(WorkStatus.PLANNED.name()).and("blocked").is(false));
        return new WorkBoard(siteId, zone.getId(), today, now, byStatus, total, open, blocked, overdue, dueToday, ready);
    }

    private static Criteria openOf(String siteId) {
        return Criteria.where("siteId").is(siteId).and("status").in(names(OPEN));
    }

    private long count(Criteria criteria) {
        return mongo.count(new Query(criteria), WorkDocument.class, board());
    }

    /**
     * The blocked board: one row per open blocker of open work in {@code siteIds} (all sites when
     * null), of the given types (any when empty), oldest blocker first; only the rows waiting on
     * {@code waitingOn} when it is given (see {@link #rowWaitingOn}).
     */
    public Paging.Page<BlockedWork> blocked(Set<String> siteIds, Set<BlockerType> types, String waitingOn, int page, int size) {
        if (siteIds != null && siteIds.isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        Criteria work = Criteria.where("status").in(names(OPEN)).and("blocked").is(true);
        if (siteIds != null) {
            work = work.and("siteId").in(siteIds);
        }
        Criteria blocker = Criteria.where("blockers.resolvedAt").is(null);
        if (!types.isEmpty()) {
            work = work.and("openBlockerTypes").in(names(types));
            blocker = blocker.and("blockers.type").in(names(types));
        }
        if (waitingOn != null) {
            work = work.orOperator(workWaitingOn(waitingOn));
        }
        List<AggregationOperation> openBlockers = new ArrayList<>(List.of(Aggregation.match(work), Aggregation.unwind("blockers"),
                Aggregation.match(blocker)));
        if (waitingOn != null) {
            openBlockers.add(raw(new Document("$match", rowWaitingOn(waitingOn))));
        }

        List<AggregationOperation> counting = new ArrayList<>(openBlockers);
        counting.add(Aggregation.count().as("count"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(WorkDocument.class, counting), board(), Document.class)
                .getUniqueMappedResult();
        long total = counted == null ? 0 : ((Number) counted.get("count")).longValue();
        if (total <= (long) page * size) {
            return new Paging.Page<>(List.of(), page, size, total);
        }

        List<AggregationOperation> paging = new ArrayList<>(openBlockers);
        paging.add(raw(new Document("$sort", new Document("blockers.raisedAt", 1).append("_id", 1).append("blockers._id", 1))));
        paging.add(Aggregation.skip((long) page * size));
        paging.add(Aggregation.limit(size));
        TypedAggregation<WorkDocument> aggregation = Aggregation.newAggregation(WorkDocument.class, paging).withOptions(SORT_ON_DISK);
        List<OpenBlockerRow> rows = mongo.aggregate(aggregation, board(), OpenBlockerRow.class).getMappedResults();

        Map<String, WorkDocument> predecessors = visiblePredecessors(rows, siteIds);
        List<BlockedWork> items = rows.stream().map(row -> {
            WorkDocument.Blocker b = row.blockers;
            BlockedWork.OnWhom onWhom = BlockedWork.OnWhom.of(b.type, b.reference, row.ownerId, row.contractorId, b.raisedBy);
            if (onWhom != null && onWhom.type() == BlockedWork.OnWhom.Kind.WORK && predecessors.containsKey(onWhom.id())) {
                WorkDocument predecessor = predecessors.get(onWhom.id());
                onWhom = onWhom.withWork(predecessor.title, predecessor.status);
            }
            return new BlockedWork(row.id, row.title, row.kind, row.priority, row.status, row.siteId, row.ownerId,
                    row.assignees == null ? List.of() : List.copyOf(row.assignees), row.dueAt,
                    new BlockedWork.Blocker(b.id, b.type, b.reason, b.reference, b.raisedBy, b.raisedAt, b.automatic),
                    b.raisedAt, onWhom);
        }).toList();
        return new Paging.Page<>(items, page, size, total);
    }

    /**
     * Work that may have a blocker waiting on {@code userId} (the alternatives of a {@code $or}): they
     * own it, are one of its assignees, or raised one of its blockers. A superset of
     * {@link #rowWaitingOn}, applied before the blockers are unwound so that each alternative can use
     * an index ({@code ownerId}, {@code assigneeIds}, {@code blockers.raisedBy}).
     */
    static Criteria[] workWaitingOn(String userId) {
        List<Criteria> any = new ArrayList<>(List.of(Criteria.where("ownerId").is(userId), Criteria.where("assigneeIds").is(userId)));
        if (!userId.startsWith(BlockedWork.OnWhom.SYSTEM_ACTOR)) {
            any.add(Criteria.where("blockers.raisedBy").is(userId));
        }
        return any.toArray(Criteria[]::new);
    }

    /**
     * Whether one row (a work document unwound on one open blocker) waits on {@code userId}: "waiting
     * on me". Any of
     * <ul>
     *   <li>they own the work (every blocker of their work waits on them);</li>
     *   <li>they are one of its assignees as a PERSON (not a team or contractor of that id);</li>
     *   <li>the row's {@link BlockedWork.OnWhom onWhom} is them as a PERSON, which beyond owning the work
     *       happens for ownerless work when they raised the blocker, unless it waits on a work item
     *       (OTHER_WORK with a reference) or on the work's contractor (CONTRACTOR with a
     *       {@code contractorId}).</li>
     * </ul>
     * Raw (unmapped) because the stored assignee's id field is {@code _id}; only operators that both
     * MongoDB and the in-process mongo-java-server know ($or, $and, $elemMatch, $nin, null equality).
     */
    static Document rowWaitingOn(String userId) {
        List<Document> any = new ArrayList<>();
        any.add(new Document("ownerId", userId));
        any.add(new Document("assignees", new Document("$elemMatch",
                new Document("type", Assignee.AssigneeType.PERSON.name()).append("_id", userId))));
        if (!userId.startsWith(BlockedWork.OnWhom.SYSTEM_ACTOR)) {
            any.add(new Document("$and", List.of(
                    new Document("ownerId", null),
                    new Document("blockers.raisedBy", userId),
                    new Document("$or", List.of(
                            new Document("blockers.type", new Document("$nin",
                                    List.of(BlockerType.OTHER_WORK.name(), BlockerType.CONTRACTOR.name()))),
                            new Document("blockers.type", BlockerType.OTHER_WORK.name()).append("blockers.reference", null),
                            new Document("blockers.type", BlockerType.CONTRACTOR.name()).append("contractorId", null))))));
        }
        return new Document("$or", any);
    }

    /** The predecessors named by OTHER_WORK blockers, where the caller may read them (nothing leaks across sites). */
    private Map<String, WorkDocument> visiblePredecessors(List<OpenBlockerRow> rows, Set<String> siteIds) {
        Set<String> ids = rows.stream().map(r -> r.blockers)
                .filter(b -> b.type == BlockerType.OTHER_WORK && b.reference != null)
                .map(b -> b.reference).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Criteria criteria = Criteria.where("_id").in(ids);
        if (siteIds != null) {
            criteria = criteria.and("siteId").in(siteIds);
        }
        Query query = new Query(criteria);
        query.fields().include("title", "status", "siteId");
        return mongo.find(query, WorkDocument.class, board()).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** A work document unwound on one of its blockers. */
    static class OpenBlockerRow {
        @Id
        public String id;
        public String siteId;
        public String title;
        public WorkKind kind;
        public Priority priority;
        public WorkStatus status;
        public String ownerId;
        public String contractorId;
        public Instant dueAt;
        public List<Assignee> assignees;
        public WorkDocument.Blocker blockers;
    }

    private static AggregationOperation raw(Document stage) {
        return context -> stage;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
