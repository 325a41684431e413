package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkCompleted;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.deadletter.DeadLetter;
import io.sitework.notification.rules.SiteRules;
import io.sitework.notification.webhook.WebhookDelivery;
import io.sitework.notification.webhook.WebhookFanout;
import io.sitework.notification.webhook.WebhookStatus;
import io.sitework.notification.webhook.WebhookSubscription;
import io.sitework.notification.webhook.WebhookSubscriptionStore;
import io.sitework.support.security.Role;
import io.sitework.support.test.AbstractSecuritySuiteIT;
import io.sitework.support.test.Http;
import io.sitework.support.test.RoleTable;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The shared security suite against notification-service's endpoints. The inbox and preferences are in
 * the "own data" table of docs/security.md: the tests of this class show that every authenticated user,
 * whatever their roles, reaches their own inbox and nobody else's. Site rules, webhooks and the
 * org-wide dead letters are rows of the role table, which the suite replays against samples built here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class while MongoDB is still up: the stream poller runs as long as a stream is open
@DirtiesContext
class NotificationSecurityIT extends AbstractSecuritySuiteIT {

    private static final String SITE = TestEvents.SITE;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_security");
        // the entries are stored by these tests; what other test classes publish on the shared broker stays out
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("spring.kafka.consumer.group-id", () -> "notification-security-it-" + UUID.randomUUID());
    }

    @Autowired
    private InboxStore inbox;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private WebhookSubscriptionStore webhooks;
    @Autowired
    private WebhookFanout fanout;

    /** Only reached for rows of the role table: site rules, dead letters and webhooks. */
    @Override
    protected Sample sample(String method, String pathPattern, String siteId) {
        switch (pathPattern) {
            case "/api/notifications/rules/{siteId}":
                return new Sample("/api/notifications/rules/" + siteId, method.equals("PUT")
                        ? "{\"rules\":[{\"kind\":\"WORK_STARTED\",\"enabled\":false,\"audience\":[],\"roles\":[]}]}" : null);
            case "/api/notifications/dead-letters":
                return new Sample(pathPattern, null);
            case "/api/notifications/dead-letters/{id}/retry":
                return new Sample("/api/notifications/dead-letters/" + UUID.randomUUID() + "/retry", null);
            default:
                break;
        }
        if (!pathPattern.startsWith("/api/webhooks")) {
            throw new AssertionError("no sample for " + method + " " + pathPattern);
        }
        if (pathPattern.equals("/api/webhooks")) {
            return method.equals("POST")
                    ? new Sample(pathPattern, "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + siteId + "\"]}")
                    : new Sample(pathPattern + "?siteId=" + siteId, null);
        }
        // an org admin's subscription of the site; disabled for /enable, so that enabling it would be a change
        String id = UUID.randomUUID().toString();
        WebhookStatus status = pathPattern.endsWith("/enable") ? WebhookStatus.DISABLED : WebhookStatus.ENABLED;
        webhooks.insert(new WebhookSubscription(id, "http://127.0.0.1:9/hook", List.of("io.sitework.work.*"), List.of(siteId), null, status,
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Instant.now(), "olga", 0, null, null));
        String path = pathPattern.replace("{id}", id);
        if (path.contains("{deliveryId}")) {
            String eventId = UUID.randomUUID().toString();
            fanout.onEvent(CloudEvent.of(EventCatalog.WORK_COMPLETED, eventId, Instant.now(), 2, null, "u-tech",
                    new WorkCompleted(UUID.randomUUID().toString(), siteId, "u-tech", "done")));
            path = path.replace("{deliveryId}", InboxEntry.idFor(eventId, id, WebhookDelivery.CHANNEL));
        }
        return new Sample(path, null);
    }

    /**
     * Inbox entries and read marks; site rules; dead-letter retries; webhook subscriptions, disabled ones,
     * deliveries and redeliveries: a refused call must change none of them. (The directory's record of who
     * called is not a change a call asks for: every authenticated call keeps it.)
     */
    @Override
    protected long storedChanges() {
        return mongo.count(new Query(), InboxEntry.class) + mongo.count(query(where("readAt").ne(null)), InboxEntry.class)
                + mongo.count(new Query(), SiteRules.class) + mongo.count(query(where("retries.0").exists(true)), DeadLetter.class)
                + mongo.count(new Query(), WebhookSubscription.class)
                + mongo.count(query(where("status").is(WebhookStatus.DISABLED)), WebhookSubscription.class)
                + mongo.count(new Query(), WebhookDelivery.class)
                + mongo.count(query(where("redeliveries").gt(0)), WebhookDelivery.class);
    }

    @Test
    void everyNotificationEndpointIsInExactlyOneOfTheTwoTables() {
        RoleTable table = RoleTable.read();
        for (String endpoint : apiEndpoints()) {
            boolean ownData = table.ownDataEndpoints().contains(endpoint);
            boolean row = table.rows().containsKey(endpoint);
            assertThat(ownData ^ row).as(endpoint + " is own data (" + ownData + ") or a role-table row (" + row + "), not both").isTrue();
            boolean own = endpoint.matches("(GET|POST) /api/notifications(/\\{id}/read|/counts|/read-all|/stream)?")
                    || endpoint.contains("/preferences");
            assertThat(ownData).as(endpoint + ": the inbox and preferences are own data, the rest is site- or org-scoped").isEqualTo(own);
        }
    }

    @Test
    void aWebhookSecretIsShownOnlyToItsCreatorOnce() {
        String site = UUID.randomUUID().toString();
        String admin = TestTokens.forSite("u-sam-" + UUID.randomUUID(), site, Role.SITE_ADMIN);
        Http.Response created = http().as(admin).post("/api/webhooks",
                "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"io.sitework.permit.*\"],\"siteIds\":[\"" + site + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/webhooks/" + id);

        for (String token : List.of(admin, TestTokens.orgAdmin("u-olga-" + UUID.randomUUID()))) {
            assertThat(http().as(token).get("/api/webhooks/" + id).body()).doesNotContain(secret).doesNotContain("whsec_");
            assertThat(http().as(token).get("/api/webhooks").body()).doesNotContain(secret).doesNotContain("whsec_");
        }
    }

    @Test
    void everyAuthenticatedUserWhateverTheirRolesReachesTheirOwnInbox() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            String subject = "u-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
            callers.add(new Caller(role.name(), subject, TestTokens.forSite(subject, SITE, role)));
        }
        String nobody = "u-nobody-" + UUID.randomUUID();
        callers.add(new Caller("no role anywhere", nobody, TestTokens.token(nobody, Map.of(), false)));
        String olga = "u-olga-" + UUID.randomUUID();
        callers.add(new Caller("ORG_ADMIN", olga, TestTokens.orgAdmin(olga)));

        for (Caller caller : callers) {
            String entry = seed(caller.subject());
            Http http = http().as(caller.token());

            Http.Response list = http.get("/api/notifications");
            assertThat(list.status()).as(caller.label() + ": " + list.body()).isEqualTo(200);
            assertThat(list.json().get("items").findValuesAsText("id")).as(caller.label()).containsExactly(entry);

            Http.Response counts = http.get("/api/notifications/counts");
            assertThat(counts.status()).as(caller.label() + ": " + counts.body()).isEqualTo(200);
            assertThat(counts.json().get("unread").asLong()).as(caller.label()).isEqualTo(1);

            try (SseClient stream = SseClient.connect(URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"),
                    "Authorization", "Bearer " + caller.token(), "Last-Event-ID", "0")) {
                assertThat(stream.status()).as(caller.label()).isEqualTo(200);
                assertThat(stream.next("notification", Duration.ofSeconds(10)).json().get("id").asText()).as(caller.label()).isEqualTo(entry);
            }

            Http.Response read = http.post("/api/notifications/" + entry + "/read", null);
            assertThat(read.status()).as(caller.label() + ": " + read.body()).isEqualTo(200);
            assertThat(read.json().get("read").asBoolean()).isTrue();

            String another = seed(caller.subject());
            Http.Response readAll = http.post("/api/notifications/read-all", null);
            assertThat(readAll.status()).as(caller.label() + ": " + readAll.body()).isEqualTo(200);
            assertThat(readAll.json().get("marked").asLong()).as(caller.label()).isEqualTo(1);
            assertThat(inbox.findById(another)).get().satisfies(e -> assertThat(e.readAt()).isNotNull());
        }
    }

    @Test
    void nobodyElseSeesOrMarksAUsersEntriesNotEvenAnOrgAdmin() {
        String anna = "u-anna-" + UUID.randomUUID();
        String annasEntry = seed(anna);
        Map<String, String> others = new LinkedHashMap<>();
        others.put("bruno, every role on anna's site", TestTokens.forSite("u-bruno-" + UUID.randomUUID(), SITE, Role.values()));
        others.put("a stranger to the site", TestTokens.forSite("u-stranger-" + UUID.randomUUID(), UUID.randomUUID().toString(), Role.values()));
        others.put("an org admin", TestTokens.orgAdmin("u-olga-" + UUID.randomUUID()));

        for (Map.Entry<String, String> entry : others.entrySet()) {
            String who = entry.getKey();
            String other = entry.getValue();
            long before = storedChanges();

            Http.Response list = http().as(other).get("/api/notifications?userId=" + anna);
            assertThat(list.status()).as(who).isEqualTo(200);
            assertThat(list.json().get("total").asLong()).as(who + " sees nothing of anna's").isZero();

            Http.Response read = http().as(other).post("/api/notifications/" + annasEntry + "/read", null);
            assertThat(read.status()).as(who + ": " + read.body()).isEqualTo(404);
            assertThat(read.header("Content-Type")).startsWith("application/problem+json");
            assertThat(read.body()).doesNotContain(anna);

            assertThat(http().as(other).get("/api/notifications/counts?userId=" + anna).json().get("total").asLong()).as(who).isZero();
            assertThat(http().as(other).post("/api/notifications/read-all?userId=" + anna, null).json().get("marked").asLong()).as(who).isZero();
            try (SseClient stream = SseClient.connect(URI.create("http://127.0.0.1:" + port + "/api/notifications/stream?userId=" + anna),
                    "Authorization", "Bearer " + other, "Last-Event-ID", "0")) {
                SseClient.Event first = stream.next(Duration.ofSeconds(10));
                assertThat(first.event()).as(who + " is replayed nothing of anna's").isEqualTo("counts");
                assertThat(first.json().get("total").asLong()).as(who).isZero();
            }
            assertThat(storedChanges()).as("nothing changed by " + who).isEqualTo(before);
        }
        assertThat(inbox.findById(annasEntry)).get().satisfies(entry -> assertThat(entry.readAt()).isNull());
    }

    /** Stores an unread entry in the user's inbox, as the Kafka listener would. */
    private String seed(String userId) {
        String eventId = UUID.randomUUID().toString();
        String id = InboxEntry.idFor(eventId, userId, InboxEntry.CHANNEL);
        Instant now = Instant.now();
        assertThat(inbox.insertIfAbsent(new InboxEntry(id, userId, SITE, eventId, "io.sitework.work.requested.v1",
                UUID.randomUUID().toString(), "New work assigned to you: security check", "", null, now, now, null))).isTrue();
        return id;
    }

    private record Caller(String label, String subject, String token) {
    }
}
