package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.process.ScheduledWorkCreator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Schedules of recurring work against the real infrastructure: the API, and work created on the calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "db-scheduler.polling-interval=1s")
class SchedulesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_schedules");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    ScheduledWorkCreator creator;

    Http http;
    final String site = UUID.randomUUID().toString();
    final String asset = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("paula", site, Role.PLANNER));
    }

    /** An occurrence as stored: its instant, its work, the first skipped occurrence when it caught up. */
    record Occurrence(Instant at, String workId, String missedSince) {
    }

    static List<Occurrence> occurrences(JdbcTemplate jdbc, String scheduleId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%ScheduleOccurred' ORDER BY sequencenumber", String.class, scheduleId).stream()
                .map(SchedulesIT::occurrence).toList();
    }

    private static Occurrence occurrence(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Occurrence(Instant.parse(node.get("occurrence").asText()), node.get("workId").asText(),
                    node.path("missedSince").isMissingNode() || node.get("missedSince").isNull() ? null : node.get("missedSince").asText());
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    static long workRequests(JdbcTemplate jdbc, String workId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%WorkRequested'",
                Long.class, workId);
    }

    static String scheduleBody(String site, String timeZone, String recurrence, String asset) {
        return """
                {"siteId":"%s","timeZone":"%s","recurrence":%s,
                 "template":{"kind":"ROUND","title":"Compressor house round","description":"Walk the house, read the gauges",
                   "priority":"MEDIUM","ownerId":"bruno","assetIds":["%s"],"duration":"PT1H",
                   "checklist":[{"itemId":"oil","label":"Oil pressure","type":"NUMBER","mandatory":true,"unit":"bar","min":2,"max":4}]}}"""
                .formatted(site, timeZone, recurrence, asset);
    }

    private String create(String timeZone, String recurrence) {
        Http.Response created = http.post("/api/schedules", scheduleBody(site, timeZone, recurrence, asset));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void pause(String id) {
        Http.Response paused = http.post("/api/schedules/" + id + "/pause", null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    }

    private long createdSchedules() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ScheduleCreated'", Long.class);
    }

    @Test
    void aCronScheduleCreatesOneWorkItemPerOccurrence() {
        Instant before = Instant.now();
        Http.Response created = http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"CRON\",\"cron\":\"*/3 * * * * *\"}", asset),
                "X-Correlation-Id", "corr-schedule-1");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode schedule = created.json();
        String id = schedule.get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/schedules/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(schedule.get("siteId").asText()).isEqualTo(site);
        assertThat(schedule.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(schedule.get("active").asBoolean()).isTrue();
        assertThat(schedule.get("recurrence").get("type").asText()).isEqualTo("CRON");
        assertThat(schedule.get("recurrence").get("cron").asText()).isEqualTo("*/3 * * * * *");
        assertThat(schedule.get("template").get("duration").asText()).isEqualTo("PT1H");
        assertThat(schedule.get("template").get("checklist").get(0).get("itemId").asText()).isEqualTo("oil");
        assertThat(schedule.get("createdBy").asText()).isEqualTo("paula");
        Instant first = Instant.parse(schedule.get("nextOccurrence").asText());
        assertThat(first).isAfter(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now().plusSeconds(3));
        assertThat(first.getEpochSecond() % 3).isZero();

        await().atMost(Duration.ofSeconds(25)).until(() -> occurrences(jdbc, id).size() >= 3);
        pause(id);
        List<Occurrence> occurrences = occurrences(jdbc, id);

        assertThat(occurrences.get(0).at()).isEqualTo(first);
        assertThat(occurrences).extracting(Occurrence::at).doesNotHaveDuplicates().isSorted()
                .allSatisfy(at -> assertThat(at.getEpochSecond() % 3).isZero());
        assertThat(occurrences).extracting(Occurrence::workId).doesNotHaveDuplicates();
        for (Occurrence occurrence : occurrences) {
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/work/" + occurrence.workId()).status() == 200);
            JsonNode work = http.get("/api/work/" + occurrence.workId()).json();
            assertThat(work.get("siteId").asText()).isEqualTo(site);
            assertThat(work.get("kind").asText()).isEqualTo("ROUND");
            assertThat(work.get("title").asText()).isEqualTo("Compressor house round");
            assertThat(work.get("ownerId").asText()).isEqualTo("bruno");
            assertThat(work.get("assetIds").get(0).asText()).isEqualTo(asset);
            assertThat(Instant.parse(work.get("plannedStart").asText())).isEqualTo(occurrence.at());
            assertThat(Instant.parse(work.get("dueAt").asText())).isEqualTo(occurrence.at().plus(Duration.ofHours(1)));
            assertThat(work.get("checklist").get(0).get("itemId").asText()).isEqualTo("oil");
            assertThat(work.get("transitions").get("requestedBy").asText()).isEqualTo("system:schedule/" + id);
            assertThat(workRequests(jdbc, occurrence.workId())).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 0", String.class, occurrences.get(0).workId())).as("the cause stays traceable")
                .contains("corr-schedule-1");

        Http.Response read = http.get("/api/schedules/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode current = read.json();
        assertThat(current.get("active").asBoolean()).isFalse();
        assertThat(current.get("occurrences").asLong()).isEqualTo(occurrences.size());
        assertThat(current.get("lastWorkId").asText()).isEqualTo(occurrences.get(occurrences.size() - 1).workId());
        assertThat(read.header("ETag")).isEqualTo("\"" + current.get("version").asLong() + "\"");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode list = http.get("/api/schedules?siteId=" + site + "&kind=ROUND&sort=createdAt,asc").json();
            assertThat(list.get("items").findValuesAsText("id")).contains(id);
            JsonNode mine = list.get("items").get(list.get("items").findValuesAsText("id").indexOf(id));
            assertThat(mine.get("occurrences").asLong()).isEqualTo(occurrences.size());
            assertThat(mine.get("active").asBoolean()).isFalse();
        });
    }

    @Test
    void pausingStopsTheWorkAndResumingStartsItAgain() throws InterruptedException {
        String id = create("Europe/Paris", "{\"type\":\"CRON\",\"cron\":\"*/2 * * * * *\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> !occurrences(jdbc, id).isEmpty());
        String etag = http.get("/api/schedules/" + id).header("ETag");

        Http.Response paused = http.post("/api/schedules/" + id + "/pause", null, "If-Match", etag);
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("active").asBoolean()).isFalse();
        assertThat(paused.json().has("nextOccurrence")).isFalse();
        assertThat(paused.json().get("pausedBy").asText()).isEqualTo("paula");
        int count = occurrences(jdbc, id).size();
        Thread.sleep(5000);
        assertThat(occurrences(jdbc, id)).as("nothing while paused").hasSize(count);

        Http.Response again = http.post("/api/schedules/" + id + "/pause", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("schedule.paused");
        assertThat(http.post("/api/schedules/" + id + "/resume", null, "If-Match", etag).status()).as("stale version").isEqualTo(412);

        Instant resumedAt = Instant.now();
        Http.Response resumed = http.post("/api/schedules/" + id + "/resume", null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("active").asBoolean()).isTrue();
        assertThat(Instant.parse(resumed.json().get("nextOccurrence").asText())).isAfter(resumedAt.minusSeconds(1));
        assertThat(http.post("/api/schedules/" + id + "/resume", null).json().get("code").asText()).isEqualTo("schedule.active");

        await().atMost(Duration.ofSeconds(15)).until(() -> occurrences(jdbc, id).size() > count);
        pause(id);
        List<Occurrence> after = occurrences(jdbc, id).subList(count, occurrences(jdbc, id).size());
        assertThat(after).allSatisfy(o -> assertThat(o.at()).isAfter(resumedAt.minusSeconds(1)))
                .allSatisfy(o -> assertThat(o.missedSince()).as("the pause is not made up").isNull());
    }

    @Test
    void anOccurrenceDeliveredAgainCreatesNoSecondWorkItem() {
        String id = create("Asia/Tokyo", "{\"type\":\"CRON\",\"cron\":\"*/2 * * * * *\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> !occurrences(jdbc, id).isEmpty());
        pause(id);
        Occurrence first = occurrences(jdbc, id).get(0);
        await().atMost(Duration.ofSeconds(15)).until(() -> workRequests(jdbc, first.workId()) == 1);
        DomainEventMessage<?> stored = eventStore.readEvents(id, 0).asStream()
                .filter(e -> e.getPayload() instanceof ScheduleOccurred).findFirst().orElseThrow();

        creator.on((ScheduleOccurred) stored.getPayload(), stored);
        creator.on((ScheduleOccurred) stored.getPayload(), stored);

        assertThat(workRequests(jdbc, first.workId())).isEqualTo(1);
    }

    @Test
    void calendarSchedulesStartAtTheirNextLocalTimeInTheSiteZone() {
        Instant now = Instant.now();
        JsonNode daily = http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"DAILY\",\"time\":\"06:00\"}", asset)).json();
        ZonedDateTime dailyNext = Instant.parse(daily.get("nextOccurrence").asText()).atZone(ZoneId.of("Europe/Paris"));
        assertThat(dailyNext.toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        assertThat(dailyNext.toInstant()).isBetween(now, now.plus(Duration.ofHours(25)));
        assertThat(LocalTime.parse(daily.get("recurrence").get("time").asText())).isEqualTo(LocalTime.of(6, 0));

        JsonNode weekly = http.post("/api/schedules", scheduleBody(site, "America/Chicago",
                "{\"type\":\"WEEKLY\",\"time\":\"07:30\",\"daysOfWeek\":[\"FRIDAY\",\"MONDAY\"]}", asset)).json();
        ZonedDateTime weeklyNext = Instant.parse(weekly.get("nextOccurrence").asText()).atZone(ZoneId.of("America/Chicago"));
        assertThat(weeklyNext.getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(weeklyNext.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(weekly.get("recurrence").get("daysOfWeek").get(0).asText()).isEqualTo("MONDAY");

        JsonNode monthly = http.post("/api/schedules", scheduleBody(site, "Asia/Tokyo",
                "{\"type\":\"MONTHLY\",\"time\":\"08:00\",\"dayOfMonth\":31}", asset)).json();
        ZonedDateTime monthlyNext = Instant.parse(monthly.get("nextOccurrence").asText()).atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(monthlyNext.getDayOfMonth()).isEqualTo(monthlyNext.toLocalDate().lengthOfMonth());
        assertThat(monthlyNext.toLocalTime()).isEqualTo(LocalTime.of(8, 0));

        for (JsonNode s : List.of(daily, weekly, monthly)) {
            pause(s.get("id").asText());
        }
    }

    @Test
    void aRepeatedCreationWithTheSameIdempotencyKeyCreatesOneSchedule() {
        String body = scheduleBody(site, "Europe/Paris", "{\"type\":\"DAILY\",\"time\":\"22:00\"}", asset);
        Http.Response first = http.post("/api/schedules", body, "Idempotency-Key", "night-round-1");
        Http.Response second = http.post("/api/schedules", body, "Idempotency-Key", "night-round-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(second.json().get("id").asText()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id)).isEqualTo(1);
        pause(id);
    }

    @Test
    void theScheduleListIsRebuiltBesideTheLiveOneAndEndsTheSame() {
        for (int i = 0; i < 3; i++) {
            String id = create("Europe/Paris", "{\"type\":\"DAILY\",\"time\":\"0" + (3 + i) + ":00\"}");
            if (i == 0) {
                pause(id);
            }
        }
        String list = "/api/schedules?siteId=" + site + "&size=50";
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get(list).json().get("total").asLong() == 3);
        JsonNode before = http.get(list).json();
        Http admin = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
        String replay = "/api/admin/replay/work-service/schedule-board";

        Http.Response started = admin.post(replay, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String building = started.json().get("building").asText();
        assertThat(building).startsWith("schedules_");
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get(replay).json(), p -> p.get("state").asText().equals("DONE") || p.get("state").asText().equals("FAILED"));

        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("active").asText()).isEqualTo(building);
        assertThat(http.get(list).json()).as("the rebuilt list").isEqualTo(before);
        String later = create("Europe/Paris", "{\"type\":\"DAILY\",\"time\":\"07:00\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get(list).json().get("total").asLong() == 4);
        pause(later);
    }

    @Test
    void onlySchedulesAreFoundUnderSchedules() {
        Http.Response work = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("paula", site, Role.PLANNER, Role.REQUESTER))
                .post("/api/work", "{\"siteId\":\"%s\",\"kind\":\"OTHER\",\"title\":\"Not a schedule\",\"priority\":\"LOW\"}".formatted(site));
        String workId = work.json().get("id").asText();

        assertThat(http.get("/api/schedules/" + workId).status()).isEqualTo(404);
        assertThat(http.post("/api/schedules/" + workId + "/pause", null).status()).isEqualTo(404);
        assertThat(http.get("/api/schedules/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.post("/api/schedules/" + UUID.randomUUID() + "/resume", null).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndStoresNothing() {
        long before = createdSchedules();
        String cron = "{\"type\":\"CRON\",\"cron\":\"0 0 6 * * *\"}";
        String good = scheduleBody(site, "Europe/Paris", cron, asset);

        assertProblem(http.post("/api/schedules", scheduleBody(site, "Mars/Olympus_Mons", cron, asset)), "timeZone");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "+02:00", cron, asset)), "timeZone");
        assertProblem(http.post("/api/schedules", good.replace("\"timeZone\":\"Europe/Paris\",", "")), "timeZone");
        assertProblem(http.post("/api/schedules", good.replace(site, "not-a-uuid")), "siteId");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"CRON\",\"cron\":\"every morning\"}", asset)),
                "recurrence.cron");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"CRON\",\"cron\":\"0 0 0 30 2 *\"}", asset)),
                "recurrence.cron");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"WEEKLY\",\"time\":\"07:00\"}", asset)),
                "recurrence.daysOfWeek");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris",
                "{\"type\":\"WEEKLY\",\"time\":\"07:00\",\"daysOfWeek\":[\"MON\"]}", asset)), "recurrence.daysOfWeek[0]");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris",
                "{\"type\":\"MONTHLY\",\"time\":\"07:00\",\"dayOfMonth\":32}", asset)), "recurrence.dayOfMonth");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"DAILY\",\"time\":\"25:00\"}", asset)),
                "recurrence.time");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"DAILY\"}", asset)), "recurrence.time");
        assertProblem(http.post("/api/schedules", scheduleBody(site, "Europe/Paris", "{\"type\":\"HOURLY\"}", asset)), "recurrence.type");
        assertProblem(http.post("/api/schedules", good.replace(",\"recurrence\":" + cron, "")), "recurrence");
        assertProblem(http.post("/api/schedules", good.replace("\"PT1H\"", "\"PT0S\"")), "template.duration");
        assertProblem(http.post("/api/schedules", good.replace("\"PT1H\"", "\"two hours\"")), "template.duration");
        assertProblem(http.post("/api/schedules", good.replace("\"Compressor house round\"", "\" \"")), "template.title");
        assertProblem(http.post("/api/schedules", good.replace("\"ROUND\"", "\"TELEPORT\"")), "template.kind");
        assertProblem(http.post("/api/schedules", good.replace("\"type\":\"NUMBER\",\"mandatory\":true,\"unit\":\"bar\",\"min\":2,\"max\":4",
                "\"type\":\"CHOICE\",\"mandatory\":true")), "template.checklist");
        assertProblem(http.post("/api/schedules", good.replace("\"siteId\"", "\"colour\":\"red\",\"siteId\"")), "colour");
        assertProblem(http.get("/api/schedules/not-a-uuid"), "id");
        assertProblem(http.get("/api/schedules?siteId=" + site + "&active=maybe"), "active");
        assertProblem(http.get("/api/schedules?siteId=" + site + "&sort=colour"), "sort");
        assertProblem(http.get("/api/schedules?siteId=" + site + "&size=500"), "size");

        assertThat(createdSchedules()).isEqualTo(before);
    }

    private static void assertProblem(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.sitework");
        JsonNode body = response.json();
        assertThat(body.get("errors")).as(response.body()).isNotNull();
        assertThat(body.get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
