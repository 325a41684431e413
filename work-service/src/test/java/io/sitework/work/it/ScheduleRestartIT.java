package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.command.Recurrences;
import io.sitework.work.schedule.process.ScheduledWorkCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schedule due every four seconds across a restart of the service: the occurrences that fell due
 * while it was down are caught up with exactly one (the most recent), none is created twice — even
 * when the process that requests the work starts over from the first event — and the calendar goes on.
 */
class ScheduleRestartIT {

    private static final String CRON = "*/4 * * * * *";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final WorkServiceRuns runs = new WorkServiceRuns("work_schedule_restart");
    private final String site = UUID.randomUUID().toString();
    private final String token = TestTokens.forSite("paula", site, Role.PLANNER);
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aRestartNeitherDuplicatesNorSkipsTheOccurrenceDueWhileDown() throws InterruptedException {
        context = runs.start();
        Http http = WorkServiceRuns.http(context, token);
        Http.Response created = http.post("/api/schedules", SchedulesIT.scheduleBody(site, ZONE.getId(),
                "{\"type\":\"CRON\",\"cron\":\"" + CRON + "\"}", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JdbcTemplate jdbc1 = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> SchedulesIT.occurrences(jdbc1, id).size() >= 2);

        context.close();
        context = null;
        Instant down = Instant.now();
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(runs.jdbcUrl, TestInfrastructure.APP_ROLE, ""));
        List<SchedulesIT.Occurrence> beforeRestart = SchedulesIT.occurrences(db, id);
        Instant lastBefore = beforeRestart.get(beforeRestart.size() - 1).at();
        // at-least-once delivery at its worst: the process that requests the work lost its progress and
        // gets every occurrence again after the restart (its tokens rewound to the first event; a rewind,
        // not a reset, which would be a replay its @DisallowReplay handler ignores)
        List<java.util.Map<String, Object>> tokens = db.queryForList(
                "SELECT segment, convert_from(token, 'UTF8') AS token FROM tokenentry WHERE processorname = ?", ScheduledWorkCreator.NAME);
        assertThat(tokens).isNotEmpty();
        for (java.util.Map<String, Object> token : tokens) {
            String rewound = ((String) token.get("token")).replaceAll("\"index\":\\d+", "\"index\":0").replaceAll("\"gaps\":\\[[^]]*]", "\"gaps\":[]");
            assertThat(rewound).as("a gap-aware token: " + token.get("token")).contains("\"index\":0");
            db.update("UPDATE tokenentry SET token = convert_to(?, 'UTF8') WHERE processorname = ? AND segment = ?",
                    rewound, ScheduledWorkCreator.NAME, token.get("segment"));
        }
        Thread.sleep(6000); // at least one occurrence falls due while the service is down

        context = runs.start();
        Instant up = Instant.now();
        Http again = WorkServiceRuns.http(context, token);
        await().atMost(Duration.ofSeconds(30)).until(() -> SchedulesIT.occurrences(db, id).stream().filter(o -> o.at().isAfter(up)).count() >= 2);
        assertThat(again.post("/api/schedules/" + id + "/pause", null).status()).isEqualTo(200);
        List<SchedulesIT.Occurrence> all = SchedulesIT.occurrences(db, id);

        assertThat(all.subList(0, beforeRestart.size())).isEqualTo(beforeRestart);
        assertThat(all).extracting(SchedulesIT.Occurrence::at).doesNotHaveDuplicates().isSorted();
        Recurrence recurrence = Recurrence.cron(CRON);
        Instant firstMissed = Recurrences.nextAfter(recurrence, ZONE, lastBefore);
        assertThat(firstMissed).as("the service was down at this occurrence").isAfter(down);
        SchedulesIT.Occurrence caughtUp = all.get(beforeRestart.size());
        assertThat(caughtUp.at()).as("one occurrence that fell due while down is caught up").isAfter(down).isBefore(up.plusSeconds(4));
        if (!caughtUp.at().equals(firstMissed)) {
            assertThat(caughtUp.missedSince()).as("the skipped ones are recorded").isEqualTo(firstMissed.toString());
        }
        for (int i = beforeRestart.size() + 1; i < all.size(); i++) {
            assertThat(all.get(i).at()).as("then the calendar goes on").isEqualTo(Recurrences.nextAfter(recurrence, ZONE, all.get(i - 1).at()));
            assertThat(all.get(i).missedSince()).isNull();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(all).allSatisfy(o ->
                assertThat(SchedulesIT.workRequests(db, o.workId())).as("work of " + o.at()).isEqualTo(1)));
        assertThat(db.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%WorkRequested'", Long.class))
                .as("one work item per occurrence, no more").isEqualTo(all.size());
        assertThat(db.queryForList("SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processorname = ?", String.class,
                ScheduledWorkCreator.NAME)).as("the process went through everything again").noneMatch(t -> t.contains("\"index\":0,"));
        assertThat(again.get("/api/work/" + caughtUp.workId()).status()).isEqualTo(200);
    }
}
