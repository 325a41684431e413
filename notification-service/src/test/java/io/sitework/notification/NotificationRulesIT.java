package io.sitework.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.EventType;
import io.sitework.events.Topics;
import io.sitework.events.context.PermitIssued;
import io.sitework.events.context.PermitRequested;
import io.sitework.events.work.Assignee;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.BlockerResolved;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkOverdue;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkStarted;
import io.sitework.infra.MailSink;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.process.NotificationRule;
import io.sitework.notification.process.PlannedNotification;
import io.sitework.notification.timers.TimerWorker;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.MutableClock;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who hears what, on the real broker and MongoDB: the default rules for owners, assignees, watchers,
 * permit authorities and permit holders; a site admin's rules; a user's channel choices; the timers
 * (due soon, escalations) on a clock the test moves; dead letters an admin sees and retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitework.notification.scheduling.enabled=false")
class NotificationRulesIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_rules");
        registry.add("spring.kafka.consumer.group-id", () -> "notification-rules-it-" + UUID.randomUUID());
        registry.add("sitework.notification.retry.interval", () -> "PT0.1S");
        registry.add("sitework.notification.escalation.overdue-after", () -> "PT4H");
        registry.add("sitework.notification.escalation.blocked-after", () -> "PT24H");
        registry.add("sitework.notification.escalation.due-soon-before", () -> "PT24H");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.smtpPort());
    }

    private static final MailSink MAIL = MailSink.start("127.0.0.1", 0, 0);

    /** Fails every event whose work id it holds until the test "fixes" it, as a bug would until deployed. */
    static class SwitchableRule implements NotificationRule {
        final Set<String> broken = ConcurrentHashMap.newKeySet();

        @Override
        public String eventType() {
            return EventCatalog.WORK_COMMENT_ADDED.type();
        }

        @Override
        public List<PlannedNotification> notificationsFor(CloudEvent event) {
            String workId = event.dataAs(EventCatalog.WORK_COMMENT_ADDED).workId();
            if (broken.contains(workId)) {
                throw new IllegalStateException("bug on work " + workId);
            }
            return List.of(new PlannedNotification("u-fixed-" + workId, workId, "Comment", "fixed"));
        }
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }

        @Bean
        SwitchableRule switchableRule() {
            return new SwitchableRule();
        }
    }

    private static KafkaTestClient kafka;
    private final String site = UUID.randomUUID().toString();
    private final AtomicLong sequences = new AtomicLong();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    InboxStore inbox;
    @Autowired
    TimerWorker timers;
    @Autowired
    SwitchableRule switchable;
    @Autowired
    io.sitework.notification.email.EmailSender emails;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        MAIL.close();
    }

    // --- the defaults -------------------------------------------------------------------------

    @Test
    void ownersAssigneesAndWatchersHearWhatConcernsThemButNeverOfTheirOwnActions() {
        String work = UUID.randomUUID().toString();
        String bruno = user();
        String carla = user();
        String wendy = user();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, bruno, null), START);
        publish(work, EventCatalog.WORK_ASSIGNED, "u-anna", new WorkAssigned(work, site, bruno,
                List.of(new Assignee("PERSON", carla), new Assignee("TEAM", "team-mech")), List.of(wendy), "u-anna"), START.plusSeconds(1));
        publish(work, EventCatalog.WORK_STARTED, carla, new WorkStarted(work, site, carla), START.plusSeconds(2));
        publish(work, EventCatalog.WORK_BLOCKER_RAISED, bruno, new BlockerRaised(work, site, "b-1", "PARTS", "Seal kit not in stock",
                null, bruno, false), START.plusSeconds(3));

        awaitTitles(wendy, 3);
        assertThat(titles(bruno)).containsExactly("Work started: Replace seal", "New work assigned to you: Replace seal");
        assertThat(titles(carla)).containsExactly("Blocked (PARTS): Replace seal", "Work assigned to you: Replace seal");
        assertThat(titles(wendy)).containsExactly("Replace seal: blocker raised", "Replace seal: started", "Replace seal: assigned");
        assertThat(titles("team-mech")).as("a team is not a person to notify").isEmpty();
    }

    @Test
    void permitAuthoritiesHearOfRequestsAndTheHolderOfWorkDoneUnderThePermit() {
        String paula = user();
        String rita = user();
        String henry = user();
        learn(paula, Role.PERMIT_AUTHORITY);
        learn(rita, Role.REQUESTER);
        String work = UUID.randomUUID().toString();
        String permit = UUID.randomUUID().toString();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, null, null));
        publishPermit(permit, 0, EventCatalog.PERMIT_REQUESTED, new PermitRequested(permit, site, "CONFINED_SPACE", "REQUESTED",
                List.of(work), List.of(), List.of("toxic atmosphere"), List.of("gas test"), START, START.plusSeconds(36_000), List.of(),
                rita));
        publishPermit(permit, 1, EventCatalog.PERMIT_ISSUED, new PermitIssued(permit, site, "CONFINED_SPACE", "ISSUED", List.of(work),
                paula, henry, START.plusSeconds(36_000)));
        // two topics, no order between them: the permit is issued (and known here) before its work is done
        await().atMost(DELIVERY).until(() -> {
            var known = mongo().findById(permit, io.sitework.notification.audience.PermitAudience.class);
            return known != null && known.lastSequence == 1;
        });
        publish(work, EventCatalog.WORK_COMPLETED, "u-bruno", new WorkCompleted(work, site, "u-bruno", "done"));

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(titles(henry)).hasSize(1));
        assertThat(titles(henry)).containsExactly("Work done under your CONFINED_SPACE permit: Replace seal");
        assertThat(entries(henry).get(0).subjectId()).isEqualTo(permit);
        assertThat(titles(paula)).containsExactly("CONFINED_SPACE permit requested");
        assertThat(titles(rita)).as("the requester is not a permit authority (and asked for it herself)").isEmpty();
    }

    // --- rules as data ------------------------------------------------------------------------

    @Test
    void aSiteAdminChangesWhoHearsWhatFromTheNextEventOn() {
        String admin = TestTokens.forSite(user(), site, Role.SITE_ADMIN);
        Http.Response refused = http(TestTokens.forSite(user(), site, Role.PLANNER)).request("PUT", "/api/notifications/rules/" + site,
                "{\"rules\":[]}");
        assertThat(refused.status()).isEqualTo(403);
        Http.Response bad = http(admin).request("PUT", "/api/notifications/rules/" + site,
                "{\"rules\":[{\"kind\":\"WORK_TELEPORTED\",\"enabled\":true,\"audience\":[\"OWNER\"],\"roles\":[]}]}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("rules[0].kind");
        assertThat(http(admin).get("/api/notifications/rules/" + site).json().get("version").asLong()).as("a refused change stores nothing")
                .isZero();

        Http.Response changed = http(admin).request("PUT", "/api/notifications/rules/" + site, "{\"rules\":["
                + "{\"kind\":\"WORK_STARTED\",\"enabled\":false,\"audience\":[],\"roles\":[]},"
                + "{\"kind\":\"OVERDUE\",\"enabled\":true,\"audience\":[\"OWNER\"],\"roles\":[\"PLANNER\"]}]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode overdueRule = rule(changed.json(), "OVERDUE");
        assertThat(overdueRule.get("roles")).hasSize(1);
        assertThat(overdueRule.get("roles").get(0).asText()).isEqualTo("PLANNER");
        assertThat(overdueRule.get("audience")).hasSize(1);
        assertThat(overdueRule.get("isDefault").asBoolean()).isFalse();
        assertThat(rule(changed.json(), "BLOCKER_RAISED").get("isDefault").asBoolean()).isTrue();

        String owner = user();
        String planner = user();
        learn(planner, Role.PLANNER);
        String work = UUID.randomUUID().toString();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, START.minusSeconds(60)));
        publish(work, EventCatalog.WORK_STARTED, "u-tech", new WorkStarted(work, site, "u-tech"));
        publish(work, EventCatalog.WORK_OVERDUE, "sitework", new WorkOverdue(work, site, START.minusSeconds(60), owner));

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(titles(planner)).containsExactly("Overdue: Replace seal"));
        assertThat(titles(owner)).as("work started is switched off on this site")
                .containsExactlyInAnyOrder("Overdue: Replace seal", "New work assigned to you: Replace seal");

        Http.Response reset = http(admin).request("DELETE", "/api/notifications/rules/" + site, null);
        assertThat(rule(reset.json(), "WORK_STARTED").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aUserChoosesTheChannelsOfEachKindAndBadPreferencesAreRefused() {
        String owner = user();
        Http me = http(TestTokens.forSite(owner, site, Role.TECHNICIAN));
        JsonNode defaults = me.get("/api/notifications/preferences").json();
        assertThat(defaults.get("channels").get("WORK_ASSIGNED").toString()).as("no e-mail without an address").isEqualTo("[\"INBOX\"]");
        assertThat(defaults.get("timeZone").asText()).isEqualTo("Z");

        Http.Response bad = me.request("PUT", "/api/notifications/preferences", "{\"timeZone\":\"Mars/Olympus\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("timeZone");
        Http.Response badKind = me.request("PUT", "/api/notifications/preferences", "{\"channels\":{\"WORK_STARTED\":[\"PIGEON\"]}}");
        assertThat(badKind.status()).isEqualTo(400);

        Http.Response saved = me.request("PUT", "/api/notifications/preferences", "{\"email\":\"bruno@north.example\","
                + "\"timeZone\":\"Europe/Paris\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"06:00\"},"
                + "\"channels\":{\"WORK_ASSIGNED\":[]}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("quietHours").get("start").asText()).isEqualTo("22:00");
        assertThat(me.get("/api/notifications/preferences").json().get("timeZone").asText()).isEqualTo("Europe/Paris");

        String work = UUID.randomUUID().toString();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, null));
        publish(work, EventCatalog.WORK_STARTED, "u-tech", new WorkStarted(work, site, "u-tech"));
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(titles(owner)).containsExactly("Work started: Replace seal"));
    }

    @Test
    void eMailFollowsTheUsersAddressAndIsHeldThroughTheirQuietHours() throws Exception {
        clock.set(Instant.parse("2026-11-24T22:30:00Z")); // 23:30 in Paris
        String owner = user();
        String address = owner + "@north.example";
        Http me = http(TestTokens.forSite(owner, site, Role.TECHNICIAN));
        assertThat(me.request("PUT", "/api/notifications/preferences", "{\"email\":\"" + address + "\",\"timeZone\":\"Europe/Paris\","
                + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"06:00\"}}").status()).isEqualTo(200);
        String work = UUID.randomUUID().toString();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, null));
        publish(work, EventCatalog.WORK_STARTED, "u-tech", new WorkStarted(work, site, "u-tech"));
        awaitApplied(work);
        assertThat(titles(owner)).as("the inbox is immediate, quiet hours or not").hasSize(2);

        emails.tick();
        assertThat(mailTo(address)).as("held through the quiet hours").isEmpty();

        clock.set(Instant.parse("2026-11-25T05:00:00Z")); // 06:00 in Paris
        emails.tick();
        emails.tick();
        assertThat(mailTo(address)).as("only WORK_ASSIGNED goes by e-mail by default; WORK_STARTED stays in the inbox")
                .containsExactly("New work assigned to you: Replace seal");
    }

    private List<String> mailTo(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : MAIL.receivedMessages()) {
            if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    // --- timers -------------------------------------------------------------------------------

    @Test
    void overdueWorkReachesTheOwnerAtOnceAndTheSupervisorsOnlyIfStillOverdueAfterTheDelay() {
        clock.set(START);
        String owner = user();
        String supervisor = user();
        learn(supervisor, Role.SUPERVISOR);
        String late = UUID.randomUUID().toString();
        String rescued = UUID.randomUUID().toString();
        for (String work : List.of(late, rescued)) {
            publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, START.minusSeconds(60)), START.minusSeconds(3600));
            publish(work, EventCatalog.WORK_OVERDUE, "sitework", new WorkOverdue(work, site, START.minusSeconds(60), owner), START);
        }
        publish(rescued, EventCatalog.WORK_COMPLETED, "u-tech", new WorkCompleted(rescued, site, "u-tech", "done"), START.plusSeconds(600));
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(titles(owner)).filteredOn(t -> t.startsWith("Overdue")).hasSize(2));
        awaitApplied(rescued);

        clock.set(START.plus(Duration.ofHours(4)).minusSeconds(1));
        timers.tick();
        assertThat(titles(supervisor)).isEmpty();

        clock.set(START.plus(Duration.ofHours(4)));
        timers.tick();
        timers.tick();
        assertThat(titles(supervisor)).containsExactly("Still overdue: Replace seal");
        assertThat(entries(supervisor).get(0).subjectId()).isEqualTo(late);
    }

    @Test
    void aBlockerOpenLongerThanTheThresholdEscalatesToOwnerAndSupervisors() {
        clock.set(START);
        String owner = user();
        String supervisor = user();
        learn(supervisor, Role.SUPERVISOR);
        String work = UUID.randomUUID().toString();
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, null), START);
        publish(work, EventCatalog.WORK_BLOCKER_RAISED, "u-tech", new BlockerRaised(work, site, "b-short", "ACCESS", "Locked", null, "u-tech",
                false), START);
        publish(work, EventCatalog.WORK_BLOCKER_RAISED, "u-tech", new BlockerRaised(work, site, "b-long", "PARTS", "No seal kit", null,
                "u-tech", false), START);
        publish(work, EventCatalog.WORK_BLOCKER_RESOLVED, "u-tech", new BlockerResolved(work, site, "b-short", "ACCESS", "Key found",
                "u-tech", false), START.plusSeconds(60));
        awaitApplied(work);

        clock.set(START.plus(Duration.ofHours(24)));
        timers.tick();
        assertThat(titles(supervisor)).containsExactly("Blocked too long (PARTS): Replace seal");
        assertThat(titles(owner)).contains("Blocked too long (PARTS): Replace seal");
    }

    @Test
    void workDueWithinTheWindowRemindsItsOwnerOnceUnlessItIsDoneOrMoved() {
        clock.set(START);
        String owner = user();
        String work = UUID.randomUUID().toString();
        Instant due = START.plus(Duration.ofHours(30));
        publish(work, EventCatalog.WORK_REQUESTED, "u-anna", requested(work, owner, due), START);
        awaitApplied(work);

        clock.set(START.plus(Duration.ofHours(6)).minusSeconds(1));
        assertThat(timers.tick()).isZero();
        clock.set(START.plus(Duration.ofHours(6)));
        assertThat(timers.tick()).isEqualTo(1);
        assertThat(timers.tick()).isZero();
        assertThat(titles(owner)).containsExactlyInAnyOrder("Due soon: Replace seal", "New work assigned to you: Replace seal");
    }

    // --- dead letters -------------------------------------------------------------------------

    @Test
    void aDeadLetteredEventIsSeenByAnOrgAdminAndRetriedOnceItsCauseIsFixed() {
        String work = UUID.randomUUID().toString();
        switchable.broken.add(work);
        publish(work, EventCatalog.WORK_COMMENT_ADDED, "u-tech", new io.sitework.events.work.CommentAdded(work, site, "c-1", "hello", "u-tech"));
        String olga = TestTokens.orgAdmin("u-olga");
        JsonNode[] letter = new JsonNode[1];
        await().atMost(DELIVERY).untilAsserted(() -> {
            JsonNode items = http(olga).get("/api/notifications/dead-letters?status=OPEN&size=200").json().get("items");
            letter[0] = null;
            items.forEach(item -> {
                if (item.get("key").asText().equals(work)) {
                    letter[0] = item;
                }
            });
            assertThat(letter[0]).isNotNull();
        });
        assertThat(letter[0].get("reason").asText()).isEqualTo("handler-failure");
        assertThat(letter[0].get("detail").asText()).contains("bug on work " + work);
        String id = letter[0].get("id").asText();
        assertThat(http(TestTokens.forSite("u-sam", site, Role.values())).post("/api/notifications/dead-letters/" + id + "/retry", null).status())
                .as("only an org admin").isEqualTo(403);

        JsonNode stillBroken = http(olga).post("/api/notifications/dead-letters/" + id + "/retry", null).json();
        assertThat(stillBroken.get("status").asText()).isEqualTo("OPEN");
        assertThat(stillBroken.get("retries").get(0).get("succeeded").asBoolean()).isFalse();

        switchable.broken.remove(work);
        JsonNode fixed = http(olga).post("/api/notifications/dead-letters/" + id + "/retry", null).json();
        assertThat(fixed.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(titles("u-fixed-" + work)).containsExactly("Comment");
        assertThat(http(olga).post("/api/notifications/dead-letters/" + id + "/retry", null).status()).isEqualTo(409);
    }

    // --- helpers ------------------------------------------------------------------------------

    private static String user() {
        return "u-" + UUID.randomUUID();
    }

    private Http http(String token) {
        return new Http("http://127.0.0.1:" + port).as(token);
    }

    /** The user makes a request, as people do: the directory learns their roles from the token. */
    private void learn(String userId, Role role) {
        assertThat(http(TestTokens.forSite(userId, site, role)).get("/api/notifications/preferences").status()).isEqualTo(200);
    }

    private WorkRequested requested(String work, String owner, Instant dueAt) {
        return new WorkRequested(work, site, "MAINTENANCE_CORRECTIVE", "Replace seal", "Leaking", "HIGH", owner, "u-anna", dueAt, List.of(),
                List.of(), List.of(), null, null, null, null);
    }

    private final java.util.Map<String, AtomicLong> perAggregate = new ConcurrentHashMap<>();

    private <T extends IntegrationEvent> void publish(String aggregate, EventType<T> type, String actor, T data) {
        publish(aggregate, type, actor, data, clock.instant());
    }

    private <T extends IntegrationEvent> void publish(String aggregate, EventType<T> type, String actor, T data, Instant time) {
        long sequence = perAggregate.computeIfAbsent(aggregate, a -> new AtomicLong()).getAndIncrement();
        kafka.publish(Topics.WORK, CloudEvent.of(type, UUID.randomUUID().toString(), time, sequence, "corr-" + sequences.incrementAndGet(),
                actor, data));
    }

    private <T extends IntegrationEvent> void publishPermit(String permit, long sequence, EventType<T> type, T data) {
        kafka.publish(Topics.CONTEXT, CloudEvent.of(type, UUID.randomUUID().toString(), clock.instant(), sequence, null, "u-x", data));
    }

    /** Every event published for the aggregate has been applied (its view is at the last sequence). */
    private void awaitApplied(String aggregate) {
        long last = perAggregate.get(aggregate).get() - 1;
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(mongo().findById(aggregate, io.sitework.notification.audience.WorkAudience.class))
                .isNotNull().satisfies(w -> assertThat(w.lastSequence).isEqualTo(last)));
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongoTemplate;

    private org.springframework.data.mongodb.core.MongoTemplate mongo() {
        return mongoTemplate;
    }

    private List<InboxEntry> entries(String userId) {
        return inbox.findFor(userId, false, 0, 200).items();
    }

    /** Newest first. */
    private List<String> titles(String userId) {
        return entries(userId).stream().map(InboxEntry::title).toList();
    }

    private void awaitTitles(String userId, int count) {
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(titles(userId)).hasSize(count));
    }

    private static JsonNode rule(JsonNode rules, String kind) {
        for (JsonNode rule : rules.get("rules")) {
            if (rule.get("kind").asText().equals(kind)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + kind + " in " + rules);
    }
}
