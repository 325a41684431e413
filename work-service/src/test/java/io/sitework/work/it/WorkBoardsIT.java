package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The site board's counts ({@code GET /api/work/board}) and the blocked board ({@code GET /api/work/blocked}). */
class WorkBoardsIT extends WorkQueryTestSupport {

    private static String due(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void theSiteBoardCountsEachStatusAndWhatNeedsAttention() {
        String site = randomSite();
        Http lead = lead(site);
        Instant now = Instant.now();
        // a zone where it is now around noon: "today" then reaches 12 hours back and 11 forward
        ZoneOffset zone = ZoneOffset.ofHours(12 - now.atZone(ZoneOffset.UTC).getHour());

        create(site, "r1 overdue since yesterday", w -> w.put("dueAt", due(now.minus(13, ChronoUnit.HOURS))));
        create(site, "r2 due later today", w -> w.put("dueAt", due(now.plus(2, ChronoUnit.HOURS))));
        String p1 = create(site, "p1 ready", w -> w.put("dueAt", due(now.plus(13, ChronoUnit.HOURS))));
        plan(lead, p1, null);
        String p2 = create(site, "p2 planned but blocked", w -> { });
        plan(lead, p2, null);
        block(lead, p2, "ACCESS", "Area closed", null);
        String i1 = create(site, "i1 in progress, due in an hour", w -> w.put("dueAt", due(now.plus(1, ChronoUnit.HOURS))));
        start(lead, i1);
        String h1 = create(site, "h1 on hold, an hour overdue", w -> w.put("dueAt", due(now.minus(1, ChronoUnit.HOURS))));
        start(lead, h1);
        command(lead, h1, "hold", "{\"reason\":\"waiting for the crane\"}");
        String d1 = create(site, "d1 done", w -> { });
        start(lead, d1);
        command(lead, d1, "complete", "{\"outcome\":\"ok\"}");
        String c1 = create(site, "c1 closed long after its due date", w -> w.put("dueAt", due(now.minus(13, ChronoUnit.HOURS))));
        start(lead, c1);
        command(lead, c1, "complete", "{}");
        command(lead, c1, "close", "{}");
        String x1 = create(site, "x1 cancelled", w -> w.put("dueAt", due(now.minus(1, ChronoUnit.HOURS))));
        command(lead, x1, "cancel", "{\"reason\":\"duplicate\"}");
        String other = randomSite();
        create(lead(other), other, "elsewhere, overdue", w -> w.put("dueAt", due(now.minus(1, ChronoUnit.HOURS))));
        awaitBoard();

        JsonNode board = ok(as("alice", site, Role.AUDITOR).get("/api/work/board?siteId=" + site + "&zone=" + enc(zone.getId())));

        assertThat(board.get("siteId").asText()).isEqualTo(site);
        assertThat(board.get("zone").asText()).isEqualTo(zone.getId());
        assertThat(board.get("today").asText()).isEqualTo(LocalDate.ofInstant(now, zone).toString());
        JsonNode byStatus = board.get("byStatus");
        assertThat(byStatus.get("REQUESTED").asLong()).isEqualTo(2);
        assertThat(byStatus.get("PLANNED").asLong()).isEqualTo(2);
        assertThat(byStatus.get("IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(byStatus.get("ON_HOLD").asLong()).isEqualTo(1);
        assertThat(byStatus.get("DONE").asLong()).isEqualTo(1);
        assertThat(byStatus.get("CLOSED").asLong()).isEqualTo(1);
        assertThat(byStatus.get("REJECTED").asLong()).isZero();
        assertThat(byStatus.get("CANCELLED").asLong()).isEqualTo(1);
        assertThat(board.get("total").asLong()).isEqualTo(9);
        assertThat(board.get("open").asLong()).isEqualTo(6);
        assertThat(board.get("blocked").asLong()).as("p2").isEqualTo(1);
        assertThat(board.get("overdue").asLong()).as("r1 and h1; not the closed or the cancelled one").isEqualTo(2);
        assertThat(board.get("dueToday").asLong()).as("r2, i1 and h1").isEqualTo(3);
        assertThat(board.get("ready").asLong()).as("p1").isEqualTo(1);

        // without a zone, "today" is the UTC date
        JsonNode utc = ok(lead.get("/api/work/board?siteId=" + site));
        assertThat(utc.get("zone").asText()).isEqualTo("UTC");
        assertThat(utc.get("total").asLong()).isEqualTo(9);
        assertThat(ok(lead.get("/api/work/board?siteId=" + site + "&zone=Europe/Paris")).get("zone").asText()).isEqualTo("Europe/Paris");

        // a site without work: all zero
        String empty = randomSite();
        JsonNode nothing = ok(as("alice", empty, Role.REQUESTER).get("/api/work/board?siteId=" + empty));
        assertThat(nothing.get("total").asLong()).isZero();
        assertThat(nothing.get("byStatus").get("REQUESTED").asLong()).isZero();
    }

    @Test
    void theSiteBoardIsOnlyForReadersOfTheSiteAndNamesBadParameters() {
        String site = randomSite();
        Http reader = as("alice", site, Role.CONTRACTOR);
        assertThat(reader.get("/api/work/board?siteId=" + site).status()).isEqualTo(200);
        assertProblem(reader.get("/api/work/board?siteId=" + randomSite()), 403, null);
        assertProblem(reader.get("/api/work/board"), 400, "siteId");
        assertProblem(reader.get("/api/work/board?siteId=site-1"), 400, "siteId");
        assertProblem(reader.get("/api/work/board?siteId=" + site + "&zone=Mars/Olympus"), 400, "zone");
        assertProblem(reader.get("/api/work/board?siteId=" + site + "&zone=" + enc("+25:00")), 400, "zone");
        assertThat(http().get("/api/work/board?siteId=" + site).status()).isEqualTo(401);
    }

    @Test
    void theBlockedBoardSaysWhatIsWaitingOnWhatSinceWhenAndOnWhom() throws InterruptedException {
        String site = randomSite();
        String other = randomSite();
        Http lead = lead(site);
        Http tina = as("tina", site, Role.TECHNICIAN);
        String contractor = UUID.randomUUID().toString();

        String a = create(site, "Replace valve V-12", w -> w.put("ownerId", "oscar").put("priority", "HIGH"));
        plan(lead, a, "[{\"type\":\"TEAM\",\"id\":\"mechanics\"}]");
        String partsBlocker = block(tina, a, "PARTS", "Seal kit missing", "PO-123");
        String predecessor = create(site, "Repair pump P-7", w -> w.put("ownerId", "paula"));
        String dependent = create(site, "Restart line 3", w -> w.putArray("dependsOn").add(predecessor));
        Thread.sleep(5);
        String accessBlocker = block(tina, a, "ACCESS", "Area locked", null);
        Thread.sleep(5);
        String ownerless = create(site, "Label the new cabinets", w -> { });
        block(tina, ownerless, "INFORMATION", "Which labelling standard?", null);
        Thread.sleep(5);
        String contracted = create(site, "Scaffold for tank T-2", w -> w.put("ownerId", "oscar").put("contractorId", contractor));
        block(tina, contracted, "CONTRACTOR", "Scaffolder not booked", null);
        Thread.sleep(5);
        String farAway = create(lead(other), other, "Across the fence", w -> { });
        String crossSite = create(site, "Waits for another site", w -> w.putArray("dependsOn").add(farAway));
        String abandoned = create(site, "Abandoned", w -> { });
        block(tina, abandoned, "WEATHER", "Storm", null);
        command(lead, abandoned, "cancel", "{\"reason\":\"no longer needed\"}");
        String elsewhere = create(lead(other), other, "Blocked elsewhere", w -> { });
        block(lead(other), elsewhere, "PARTS", "Missing too", null);
        resolve(tina, a, partsBlocker);
        awaitBoard();

        Http auditor = as("alice", site, Role.AUDITOR);
        JsonNode board = ok(auditor.get("/api/work/blocked?siteId=" + site));
        assertThat(board.get("total").asLong()).isEqualTo(5);
        assertThat(ids(board)).as("oldest blocker first; resolved blockers, ended work and other sites left out")
                .containsExactly(dependent, a, ownerless, contracted, crossSite);

        JsonNode waitsForWork = board.get("items").get(0);
        assertThat(waitsForWork.get("title").asText()).isEqualTo("Restart line 3");
        assertThat(waitsForWork.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(waitsForWork.get("siteId").asText()).isEqualTo(site);
        assertThat(waitsForWork.get("blocker").get("type").asText()).isEqualTo("OTHER_WORK");
        assertThat(waitsForWork.get("blocker").get("reference").asText()).isEqualTo(predecessor);
        assertThat(waitsForWork.get("blocker").get("automatic").asBoolean()).isTrue();
        assertThat(waitsForWork.get("blocker").get("raisedAt").asText()).isEqualTo(waitsForWork.get("waitingSince").asText());
        assertThat(waitsForWork.get("onWhom").get("type").asText()).isEqualTo("WORK");
        assertThat(waitsForWork.get("onWhom").get("id").asText()).isEqualTo(predecessor);
        assertThat(waitsForWork.get("onWhom").get("title").asText()).isEqualTo("Repair pump P-7");
        assertThat(waitsForWork.get("onWhom").get("status").asText()).isEqualTo("REQUESTED");

        JsonNode waitsForAccess = board.get("items").get(1);
        assertThat(waitsForAccess.get("blocker").get("id").asText()).isEqualTo(accessBlocker);
        assertThat(waitsForAccess.get("blocker").get("type").asText()).isEqualTo("ACCESS");
        assertThat(waitsForAccess.get("blocker").get("reason").asText()).isEqualTo("Area locked");
        assertThat(waitsForAccess.get("blocker").get("raisedBy").asText()).isEqualTo("tina");
        assertThat(waitsForAccess.get("blocker").get("automatic").asBoolean()).isFalse();
        assertThat(waitsForAccess.get("status").asText()).isEqualTo("PLANNED");
        assertThat(waitsForAccess.get("priority").asText()).isEqualTo("HIGH");
        assertThat(waitsForAccess.get("ownerId").asText()).isEqualTo("oscar");
        assertThat(waitsForAccess.get("assignees").get(0).get("id").asText()).isEqualTo("mechanics");
        assertThat(waitsForAccess.get("onWhom").get("type").asText()).as("the owner answers for it").isEqualTo("PERSON");
        assertThat(waitsForAccess.get("onWhom").get("id").asText()).isEqualTo("oscar");
        assertThat(Instant.parse(waitsForAccess.get("waitingSince").asText()))
                .isAfter(Instant.parse(waitsForWork.get("waitingSince").asText()));

        JsonNode ownerlessRow = board.get("items").get(2);
        assertThat(ownerlessRow.get("onWhom").get("type").asText()).isEqualTo("PERSON");
        assertThat(ownerlessRow.get("onWhom").get("id").asText()).as("no owner: whoever raised it").isEqualTo("tina");
        JsonNode contractorRow = board.get("items").get(3);
        assertThat(contractorRow.get("onWhom").get("type").asText()).isEqualTo("CONTRACTOR");
        assertThat(contractorRow.get("onWhom").get("id").asText()).isEqualTo(contractor);
        JsonNode crossSiteRow = board.get("items").get(4);
        assertThat(crossSiteRow.get("onWhom").get("id").asText()).isEqualTo(farAway);
        assertThat(crossSiteRow.get("onWhom").has("title")).as("nothing of another site leaks").isFalse();
        assertThat(crossSiteRow.get("onWhom").has("status")).isFalse();

        // by blocker type
        assertThat(ids(ok(auditor.get("/api/work/blocked?siteId=" + site + "&blockerType=OTHER_WORK")))).containsExactly(dependent, crossSite);
        assertThat(ids(ok(auditor.get("/api/work/blocked?siteId=" + site + "&blockerType=PARTS")))).as("resolved").isEmpty();
        assertThat(ids(ok(auditor.get("/api/work/blocked?siteId=" + site + "&blockerType=ACCESS,CONTRACTOR")))).containsExactly(a, contracted);
        assertThat(ids(ok(auditor.get("/api/work/blocked?blockerType=INFORMATION&blockerType=ACCESS")))).containsExactly(a, ownerless);

        // paged, and without siteId: the caller's sites only
        JsonNode first = ok(auditor.get("/api/work/blocked?size=2"));
        JsonNode second = ok(auditor.get("/api/work/blocked?size=2&page=1"));
        JsonNode third = ok(auditor.get("/api/work/blocked?size=2&page=2"));
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(List.of(ids(first), ids(second), ids(third)))
                .containsExactly(List.of(dependent, a), List.of(ownerless, contracted), List.of(crossSite));
        assertProblem(auditor.get("/api/work/blocked?siteId=" + other), 403, null);
        assertProblem(auditor.get("/api/work/blocked?blockerType=BAD_LUCK"), 400, "blockerType");
        assertProblem(auditor.get("/api/work/blocked?size=500"), 400, "size");
        assertProblem(auditor.get("/api/work/blocked?siteId=nowhere"), 400, "siteId");

        // the predecessor is closed: the dependency process clears the blocker and the row goes
        start(lead, predecessor);
        command(lead, predecessor, "complete", "{}");
        command(lead, predecessor, "close", "{}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids(ok(auditor.get("/api/work/blocked?siteId=" + site)))).containsExactly(a, ownerless, contracted, crossSite));
        assertThat(ids(ok(auditor.get("/api/work?siteId=" + site + "&blocked=false&status=REQUESTED")))).contains(dependent);
    }
    @Test
    void waitingOnMeIsFilteredOnTheServerPagedAndCounted() {
        String site = randomSite();
        Http lead = lead(site);
        Http tina = as("tina", site, Role.TECHNICIAN);
        Http oscar = as("oscar", site, Role.TECHNICIAN);
        String contractor = UUID.randomUUID().toString();

        // oldest first: two rows on others, then oscar's among others' — beyond the first page of everything
        String tinas = create(site, "Ownerless, raised by tina", w -> { });
        block(tina, tinas, "PARTS", "Gasket", null);
        String team = create(site, "Assigned to a team named oscar", w -> w.put("ownerId", "paula"));
        plan(lead, team, "[{\"type\":\"TEAM\",\"id\":\"oscar\"}]");
        block(tina, team, "ACCESS", "Locked", null);
        String owned = create(site, "Owned by oscar", w -> w.put("ownerId", "oscar"));
        block(tina, owned, "PARTS", "Valve", null);
        block(tina, owned, "WEATHER", "Wind", null);
        String assigned = create(site, "Oscar is an assignee", w -> w.put("ownerId", "paula"));
        plan(lead, assigned, "[{\"type\":\"PERSON\",\"id\":\"oscar\"}]");
        block(tina, assigned, "INFORMATION", "Which drawing?", null);
        String raised = create(site, "Ownerless, raised by oscar", w -> { });
        block(oscar, raised, "ACCESS", "Key missing", null);
        String contracted = create(site, "Ownerless, waits on its contractor", w -> w.put("contractorId", contractor));
        block(oscar, contracted, "CONTRACTOR", "Not booked", null);
        String resolvedOnly = create(site, "Owned by oscar, unblocked again", w -> w.put("ownerId", "oscar"));
        resolve(tina, resolvedOnly, block(tina, resolvedOnly, "PARTS", "Found it", null));
        String late = create(site, "Owned by oscar, blocked last", w -> w.put("ownerId", "oscar"));
        block(tina, late, "PERMIT", "No permit yet", null);
        awaitBoard();

        String board = "/api/work/blocked?siteId=" + site;
        assertThat(ids(ok(oscar.get(board + "&size=2")))).as("the first page of everything has none of oscar's").containsExactly(tinas, team);
        assertThat(ok(oscar.get(board)).get("total").asLong()).isEqualTo(8);
        assertThat(ok(oscar.get(board + "&mine=false")).get("total").asLong()).isEqualTo(8);

        JsonNode first = ok(oscar.get(board + "&mine=true&size=2"));
        JsonNode second = ok(oscar.get(board + "&mine=true&size=2&page=1"));
        JsonNode third = ok(oscar.get(board + "&mine=true&size=2&page=2"));
        assertThat(List.of(first.get("total").asLong(), second.get("total").asLong(), third.get("total").asLong()))
                .as("owned (two blockers), assigned as a person, raised on ownerless work, owned and blocked last")
                .containsOnly(5L);
        assertThat(List.of(ids(first), ids(second), ids(third)))
                .containsExactly(List.of(owned, owned), List.of(assigned, raised), List.of(late));
        assertThat(ok(oscar.get(board + "&mine=true&size=2&page=3")).get("items")).isEmpty();
        assertThat(ids(ok(oscar.get(board + "&mine=TRUE&blockerType=WEATHER,CONTRACTOR")))).as("with the blocker types").containsExactly(owned);
        assertThat(ids(ok(oscar.get("/api/work/blocked?mine=true")))).as("every site of the caller").containsExactly(owned, owned, assigned, raised, late);

        // always the caller's own rows
        assertThat(ids(ok(tina.get(board + "&mine=true")))).containsExactly(tinas);
        assertThat(ids(ok(as("paula", site, Role.PLANNER).get(board + "&mine=true")))).containsExactly(team, assigned);
        assertThat(ok(as("alice", site, Role.AUDITOR).get(board + "&mine=true")).get("total").asLong()).isZero();

        assertProblem(oscar.get(board + "&mine=maybe"), 400, "mine");
        assertProblem(oscar.get(board + "&mine=true&size=0"), 400, "size");
        assertProblem(oscar.get(board + "&mine=true&page=-1"), 400, "page");
        assertThat(http().get(board + "&mine=true").status()).isEqualTo(401);
    }
}
