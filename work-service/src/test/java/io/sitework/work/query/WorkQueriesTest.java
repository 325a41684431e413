package io.sitework.work.query;

import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The MongoDB queries the work list sends, without a database. */
class WorkQueriesTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static WorkQueries.Filter filter(Set<WorkStatus> statuses, Boolean overdue, List<String> terms) {
        return new WorkQueries.Filter(Set.of("s-1"), statuses, Set.of(), null, null, null, null, null, overdue, terms, null);
    }

    @Test
    void everyListIsFilteredOnSiteUnlessAnOrgAdminAsksForAll() {
        Document bySite = WorkQueries.criteria(WorkQueries.Filter.sites(Set.of("s-1", "s-2")), NOW).getCriteriaObject();
        assertThat(bySite.toJson()).contains("\"siteId\"").contains("s-1").contains("s-2");
        assertThat(WorkQueries.criteria(WorkQueries.Filter.sites(null), NOW).getCriteriaObject()).isEmpty();
    }

    @Test
    void filtersOnTheSameFieldCombine() {
        WorkQueries.Filter filter = new WorkQueries.Filter(Set.of("s-1"), Set.of(WorkStatus.PLANNED), Set.of(WorkKind.ROUND), "o",
                "a", "asset", "permit", true, true, List.of("pump"), NOW.plusSeconds(60));
        String query = WorkQueries.criteria(filter, NOW).getCriteriaObject().toString();
        assertThat(query).startsWith("Document{{$and=").contains("ownerId=o").contains("assigneeIds=a")
                .contains("assetIds=asset").contains("permitIds=permit").contains("blocked=true").contains("kind=Document{{$in=[ROUND]}}")
                .contains("dueAt=Document{{$lte=" + NOW + "}}").contains("dueAt=Document{{$lt=" + NOW.plusSeconds(60) + "}}")
                .contains("searchText=pump");
    }

    @Test
    void overdueIsOpenAndPastDueAndItsOppositeIsEverythingElse() {
        List<?> overdue = (List<?>) WorkQueries.criteria(filter(Set.of(), true, List.of()), NOW).getCriteriaObject().get("$and");
        assertThat(overdue.toString()).contains("status=Document{{$in=[IN_PROGRESS, ON_HOLD, PLANNED, REQUESTED]}}")
                .contains("dueAt=Document{{$lte=" + NOW + "}}");
        List<?> notOverdue = (List<?>) WorkQueries.criteria(filter(Set.of(), false, List.of()), NOW).getCriteriaObject().get("$and");
        assertThat(notOverdue.toString()).contains("$or").contains("$nin").contains("dueAt=null").contains("$gt");
    }

    @Test
    void searchWordsAreLiteralRegexesOnTheLowerCasedText() {
        List<?> and = (List<?>) WorkQueries.criteria(filter(Set.of(), null, List.of("(urgent)", "p-101")), NOW).getCriteriaObject().get("$and");
        List<String> patterns = and.stream().map(d -> ((Document) d).get("searchText")).filter(p -> p != null)
                .map(p -> ((Pattern) p).pattern()).toList();
        assertThat(patterns).containsExactly("\\(urgent\\)", "p\\-101");
    }

    private static List<Document> stages(String property, Sort.Direction direction) {
        return WorkQueries.sortStages(Sort.by(direction, property)).stream().map(s -> s.toDocument(Aggregation.DEFAULT_CONTEXT)).toList();
    }

    @Test
    void priorityAndStatusSortInTheirDomainOrder() {
        List<Document> priority = stages("priority", Sort.Direction.DESC);
        assertThat(priority.get(0).toJson()).contains("\"$indexOfArray\": [[\"LOW\", \"MEDIUM\", \"HIGH\", \"CRITICAL\"], \"$priority\"]");
        assertThat(priority.get(1).get("$sort", Document.class)).containsExactly(
                java.util.Map.entry(WorkQueries.SORT_KEY, -1), java.util.Map.entry("_id", 1));
        assertThat(stages("status", Sort.Direction.ASC).get(0).toJson())
                .contains("[\"REQUESTED\", \"PLANNED\", \"IN_PROGRESS\", \"ON_HOLD\", \"DONE\", \"CLOSED\", \"REJECTED\", \"CANCELLED\"]");
    }

    @Test
    void titlesSortIgnoringCaseAndWorkWithoutDueDateLast() {
        assertThat(stages("title", Sort.Direction.ASC).get(0).toJson()).contains("\"$toLower\": \"$title\"");
        List<Document> due = stages("dueAt", Sort.Direction.DESC);
        assertThat(due.get(0).toJson()).contains("$ifNull");
        assertThat(due.get(1).get("$sort", Document.class)).containsExactly(
                java.util.Map.entry(WorkQueries.NULLS_LAST, 1), java.util.Map.entry("dueAt", -1), java.util.Map.entry("_id", 1));
    }

    @Test
    void plainFieldsSortAsStoredWithTheIdAsTieBreaker() {
        List<Document> requested = stages("requestedAt", Sort.Direction.DESC);
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).get("$sort", Document.class)).containsExactly(
                java.util.Map.entry("requestedAt", -1), java.util.Map.entry("_id", 1));
    }
}
