package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/work}: every filter, their combinations, site isolation, paging, sorting and the 400s. */
class WorkListIT extends WorkQueryTestSupport {

    final String site = randomSite();
    final String otherSite = randomSite();
    final String bruno = "bruno-" + UUID.randomUUID();
    final String carla = "carla-" + UUID.randomUUID();
    final String dave = "dave-" + UUID.randomUUID();
    final String asset = UUID.randomUUID().toString();
    final Instant now = Instant.now();

    String sealJob;
    String cleaning;
    String delivery;
    String cancelled;
    String elsewhere;
    Http reader;

    /**
     * Site A: an overdue corrective job on an asset; planned cleaning assigned to dave; blocked
     * logistics in progress; a cancelled job past its due date. Site B: a job like the first, same owner.
     */
    @BeforeEach
    void someWorkOnTwoSites() {
        Http lead = lead(site);
        sealJob = create(site, "Replace seal on pump P-101 (urgent)", w -> w.put("kind", "MAINTENANCE_CORRECTIVE")
                .put("description", "Leaking SEAL, see photo [1]").put("priority", "HIGH").put("ownerId", bruno)
                .put("dueAt", now.minus(2, ChronoUnit.HOURS).toString()).putArray("assetIds").add(asset));
        cleaning = create(site, "Clean filter F-7", w -> w.put("kind", "CLEANING").put("priority", "LOW").put("ownerId", carla)
                .put("dueAt", now.plus(10, ChronoUnit.DAYS).toString()));
        plan(lead, cleaning, "[{\"type\":\"PERSON\",\"id\":\"" + dave + "\"}]");
        delivery = create(site, "Deliver spare parts", w -> w.put("kind", "LOGISTICS").put("priority", "CRITICAL").put("ownerId", bruno));
        start(lead, delivery);
        block(lead, delivery, "PARTS", "Truck broken down", null);
        cancelled = create(site, "Old request", w -> w.put("kind", "MAINTENANCE_CORRECTIVE").put("ownerId", carla)
                .put("dueAt", now.minus(3, ChronoUnit.DAYS).toString()));
        command(lead, cancelled, "cancel", "{\"reason\":\"duplicate\"}");
        elsewhere = create(lead(otherSite), otherSite, "Replace seal on pump P-202", w -> w.put("kind", "MAINTENANCE_CORRECTIVE")
                .put("ownerId", bruno).put("dueAt", now.minus(2, ChronoUnit.HOURS).toString()).putArray("assetIds").add(asset));
        awaitBoard();
        reader = as("alice", site, Role.AUDITOR);
    }

    private List<String> list(String query) {
        return ids(ok(reader.get("/api/work?siteId=" + site + "&" + query)));
    }

    @Test
    void filtersByStatusAcceptingRepeatsAndCommaLists() {
        assertThat(list("status=IN_PROGRESS")).containsExactly(delivery);
        assertThat(list("status=PLANNED,IN_PROGRESS")).containsExactlyInAnyOrder(cleaning, delivery);
        assertThat(list("status=PLANNED&status=IN_PROGRESS")).containsExactlyInAnyOrder(cleaning, delivery);
        assertThat(list("status=" + enc(" planned , cancelled "))).containsExactlyInAnyOrder(cleaning, cancelled);
        assertThat(list("status=DONE")).isEmpty();
    }

    @Test
    void filtersByKindOwnerAssigneeAndAsset() {
        assertThat(list("kind=CLEANING")).containsExactly(cleaning);
        assertThat(list("kind=MAINTENANCE_CORRECTIVE,LOGISTICS")).containsExactlyInAnyOrder(sealJob, delivery, cancelled);
        assertThat(list("ownerId=" + enc(bruno))).containsExactlyInAnyOrder(sealJob, delivery);
        assertThat(list("assigneeId=" + enc(dave))).containsExactly(cleaning);
        assertThat(list("assigneeId=nobody")).isEmpty();
        assertThat(list("assetId=" + asset)).containsExactly(sealJob);
        assertThat(list("permitId=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void filtersByBlockedOverdueAndDueBefore() {
        assertThat(list("blocked=true")).containsExactly(delivery);
        assertThat(list("blocked=false")).containsExactlyInAnyOrder(sealJob, cleaning, cancelled);
        // overdue is open work past its due instant: the cancelled job is past due but not overdue
        assertThat(list("overdue=true")).containsExactly(sealJob);
        assertThat(list("overdue=false")).containsExactlyInAnyOrder(cleaning, delivery, cancelled);
        assertThat(list("dueBefore=" + now.plus(1, ChronoUnit.DAYS))).containsExactlyInAnyOrder(sealJob, cancelled);
        assertThat(list("dueBefore=" + now.minus(1, ChronoUnit.DAYS))).containsExactly(cancelled);
        JsonNode overdue = ok(reader.get("/api/work?siteId=" + site + "&overdue=true")).get("items").get(0);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void searchesTitleAndDescriptionIgnoringCaseAndRegexSyntax() {
        assertThat(list("q=SEAL")).containsExactly(sealJob);
        assertThat(list("q=leaking")).containsExactly(sealJob);
        assertThat(list("q=" + enc("p-101 seal"))).as("every word must occur").containsExactly(sealJob);
        assertThat(list("q=" + enc("seal filter"))).isEmpty();
        assertThat(list("q=" + enc("(urgent)"))).containsExactly(sealJob);
        assertThat(list("q=" + enc("("))).containsExactly(sealJob);
        assertThat(list("q=" + enc("[1]"))).containsExactly(sealJob);
        assertThat(list("q=" + enc(".*"))).as("regex syntax is matched literally").isEmpty();
        assertThat(list("q=" + enc("f.7"))).isEmpty();
        assertThat(list("q=" + enc("\\"))).isEmpty();
        assertThat(list("q=" + enc("   "))).hasSize(4);
    }

    @Test
    void filtersCombine() {
        assertThat(list("ownerId=" + enc(bruno) + "&status=IN_PROGRESS&blocked=true")).containsExactly(delivery);
        assertThat(list("ownerId=" + enc(bruno) + "&blocked=false")).containsExactly(sealJob);
        assertThat(list("kind=MAINTENANCE_CORRECTIVE&overdue=true&q=pump")).containsExactly(sealJob);
        assertThat(list("kind=MAINTENANCE_CORRECTIVE&overdue=false")).containsExactly(cancelled);
        assertThat(list("overdue=true&dueBefore=" + now.minus(1, ChronoUnit.DAYS))).isEmpty();
        assertThat(list("status=REQUESTED,CANCELLED&dueBefore=" + now)).containsExactlyInAnyOrder(sealJob, cancelled);
        assertThat(list("assetId=" + asset + "&ownerId=" + enc(carla))).isEmpty();
    }

    @Test
    void anotherSitesWorkNeverAppears() {
        // without siteId: every site where the caller may read, and only those
        assertThat(ids(ok(reader.get("/api/work?ownerId=" + enc(bruno))))).containsExactlyInAnyOrder(sealJob, delivery);
        assertThat(ids(ok(reader.get("/api/work?assetId=" + asset)))).containsExactly(sealJob);
        assertThat(ids(ok(reader.get("/api/work?q=" + enc("p-202"))))).isEmpty();
        assertThat(reader.get("/api/work?siteId=" + otherSite).status()).isEqualTo(403);
        // someone on both sites sees both, filtered alike
        Http both = http().as(TestTokens.token("bea", Map.of(site, List.of("AUDITOR"), otherSite, List.of("TECHNICIAN")), false));
        assertThat(ids(ok(both.get("/api/work?ownerId=" + enc(bruno) + "&overdue=true")))).containsExactlyInAnyOrder(sealJob, elsewhere);
        assertThat(ids(ok(both.get("/api/work?siteId=" + otherSite + "&ownerId=" + enc(bruno))))).containsExactly(elsewhere);
        // an org admin covers every site
        assertThat(ids(ok(admin().get("/api/work?assetId=" + asset)))).containsExactlyInAnyOrder(sealJob, elsewhere);
        // a user of no site at all lists nothing
        Http nobody = http().as(TestTokens.token("nora", Map.of(), false));
        JsonNode none = ok(nobody.get("/api/work"));
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        String base = "/api/work?siteId=" + site + "&";
        assertProblem(reader.get(base + "status=SLEEPING"), 400, "status");
        assertProblem(reader.get(base + "status=PLANNED,SLEEPING"), 400, "status");
        assertProblem(reader.get(base + "kind=TELEPORT"), 400, "kind");
        assertProblem(reader.get(base + "blocked=maybe"), 400, "blocked");
        assertProblem(reader.get(base + "overdue=soon"), 400, "overdue");
        assertProblem(reader.get(base + "dueBefore=tomorrow"), 400, "dueBefore");
        assertProblem(reader.get(base + "assetId=pump"), 400, "assetId");
        assertProblem(reader.get(base + "permitId=42"), 400, "permitId");
        assertProblem(reader.get(base + "q=" + "x".repeat(201)), 400, "q");
        assertProblem(reader.get(base + "ownerId=" + "x".repeat(201)), 400, "ownerId");
        assertProblem(reader.get(base + "sort=colour"), 400, "sort");
        assertProblem(reader.get(base + "sort=title,up"), 400, "sort");
        assertProblem(reader.get(base + "page=-1"), 400, "page");
        assertProblem(reader.get(base + "page=first"), 400, "page");
        assertProblem(reader.get(base + "size=0"), 400, "size");
        assertProblem(reader.get(base + "size=201"), 400, "size");
        assertProblem(reader.get("/api/work?siteId=not-a-site"), 400, "siteId");
    }

    @Test
    void pagesNeverOverlapAndSortingFollowsTheDomainsOrder() {
        String sorted = randomSite();
        Http lead = lead(sorted);
        String low = create(sorted, "bravo", w -> w.put("priority", "LOW").put("dueAt", "2031-03-01T00:00:00Z"));
        String critical = create(sorted, "Alpha", w -> w.put("priority", "CRITICAL"));
        String high = create(sorted, "charlie", w -> w.put("priority", "HIGH").put("dueAt", "2031-01-01T00:00:00Z"));
        String medium = create(sorted, "Delta", w -> w.put("priority", "MEDIUM").put("dueAt", "2031-02-01T00:00:00Z"));
        String last = create(sorted, "echo", w -> w.put("priority", "HIGH"));
        plan(lead, low, null);
        start(lead, high);
        command(lead, medium, "reject", "{\"reason\":\"not needed\"}");
        awaitBoard();
        Http auditor = as("alice", sorted, Role.AUDITOR);
        // equal sort keys are ordered by id
        List<String> highs = Stream.of(high, last).sorted().toList();
        List<String> requestedOnes = Stream.of(critical, last).sorted().toList();
        String base = "/api/work?siteId=" + sorted + "&";

        assertThat(ids(ok(auditor.get(base)))).as("default: newest request first").containsExactly(last, medium, high, critical, low);
        assertThat(ids(ok(auditor.get(base + "sort=requestedAt,asc")))).containsExactly(low, critical, high, medium, last);
        assertThat(ids(ok(auditor.get(base + "sort=priority,desc")))).containsExactly(critical, highs.get(0), highs.get(1), medium, low);
        assertThat(ids(ok(auditor.get(base + "sort=priority")))).containsExactly(low, medium, highs.get(0), highs.get(1), critical);
        assertThat(ids(ok(auditor.get(base + "sort=title,asc")))).as("ignoring case").containsExactly(critical, low, high, medium, last);
        assertThat(ids(ok(auditor.get(base + "sort=title,desc")))).containsExactly(last, medium, high, low, critical);
        assertThat(ids(ok(auditor.get(base + "sort=dueAt,asc")))).as("no due date last")
                .containsExactly(high, medium, low, requestedOnes.get(0), requestedOnes.get(1));
        assertThat(ids(ok(auditor.get(base + "sort=dueAt,desc")))).as("no due date last")
                .containsExactly(low, medium, high, requestedOnes.get(0), requestedOnes.get(1));
        assertThat(ids(ok(auditor.get(base + "sort=status,asc")))).as("lifecycle order")
                .containsExactly(requestedOnes.get(0), requestedOnes.get(1), low, high, medium);
        assertThat(ok(auditor.get(base + "sort=kind")).get("total").asLong()).isEqualTo(5);
        assertThat(ok(auditor.get(base + "sort=updatedAt,desc")).get("items").get(0).get("id").asText()).isEqualTo(medium);

        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode slice = ok(auditor.get(base + "sort=priority,desc&size=2&page=" + page));
            assertThat(slice.get("total").asLong()).isEqualTo(5);
            assertThat(slice.get("page").asInt()).isEqualTo(page);
            assertThat(slice.get("size").asInt()).isEqualTo(2);
            assertThat(slice.get("items")).hasSize(page < 2 ? 2 : 1);
            ids(slice).forEach(id -> assertThat(seen.add(id)).as("pages overlap on " + id).isTrue());
            inOrder.addAll(ids(slice));
        }
        assertThat(inOrder).containsExactly(critical, highs.get(0), highs.get(1), medium, low);
        JsonNode beyond = ok(auditor.get(base + "size=2&page=7"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
    }
}
