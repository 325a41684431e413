package io.sitework.notification;

import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.deadletter.DeadLetter;
import io.sitework.notification.rules.SiteRules;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
 * The shared security suite against notification-service's endpoints: the site-scoped ones (site rules,
 * and the org-wide dead letters) are role-table rows, the inbox and preferences are "own data"; the
 * tests of this class show that every authenticated user, whatever their roles, reaches their own
 * inbox and nobody else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
                throw new AssertionError("no sample for " + method + " " + pathPattern);
        }
    }

    /**
     * Inbox entries, read marks, site rules and dead-letter retries: a refused call must add none. (The
     * directory's record of who called is not a change a call asks for: every authenticated call keeps it.)
     */
    @Override
    protected long storedChanges() {
        return mongo.count(new Query(), InboxEntry.class) + mongo.count(query(where("readAt").ne(null)), InboxEntry.class)
                + mongo.count(new Query(), SiteRules.class) + mongo.count(query(where("retries.0").exists(true)), DeadLetter.class);
    }

    @Test
    void everyNotificationEndpointIsEitherOwnDataOrARoleTableRowNeverBoth() {
        RoleTable table = RoleTable.read();
        for (String endpoint : apiEndpoints()) {
            boolean own = table.ownDataEndpoints().contains(endpoint);
            boolean row = table.rows().containsKey(endpoint);
            assertThat(own ^ row).as(endpoint + " in exactly one table (own data: " + own + ", role table: " + row + ")").isTrue();
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

            Http.Response read = http.post("/api/notifications/" + entry + "/read", null);
            assertThat(read.status()).as(caller.label() + ": " + read.body()).isEqualTo(200);
            assertThat(read.json().get("read").asBoolean()).isTrue();
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
