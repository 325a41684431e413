package io.sitework.support.test;

import io.sitework.support.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security suite every service runs against its own running endpoints, discovered at run time
 * so a new endpoint cannot slip past it: no token and every forged token → 401; the role table of
 * docs/security.md, row by row and role by role; strangers to a site → 404 for reads of an item,
 * 403 for everything else (organisation-wide endpoints included), and nothing stored.
 */
public abstract class AbstractSecuritySuiteIT {

    @LocalServerPort
    protected int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /**
     * A concrete request for an endpoint of the given site: items it needs are created first (as an org
     * admin), and a list names the site in its query ({@code ?siteId=}).
     */
    public record Sample(String path, String body) {
    }

    protected abstract Sample sample(String method, String pathPattern, String siteId);

    /** How many changes the service has stored (events, inbox entries…): refused calls must not add any. */
    protected abstract long storedChanges();

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    protected List<String> apiEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? EnumSet.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        assertThat(endpoints).as("the service has API endpoints").isNotEmpty();
        return endpoints;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Test
    void everyEndpointIsDocumentedInTheRoleTable() {
        RoleTable table = RoleTable.read();
        Set<String> undocumented = new TreeSet<>();
        for (String endpoint : apiEndpoints()) {
            if (!table.documents(endpoint)) {
                undocumented.add(endpoint);
            }
        }
        assertThat(undocumented).as("endpoints missing from docs/security.md").isEmpty();
    }

    @Test
    void everyEndpointWithoutATokenIs401() {
        for (String endpoint : apiEndpoints()) {
            String[] parts = endpoint.split(" ", 2);
            Http.Response response = http().request(parts[0], concrete(parts[1]), parts[0].equals("GET") ? null : "{}");
            assertThat(response.status()).as(endpoint).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(endpoint).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).as(endpoint).startsWith("Bearer");
        }
    }

    @Test
    void everyForgedTokenIs401() {
        String site = UUID.randomUUID().toString();
        for (Map.Entry<String, String> forged : TestTokens.forged("mallory", site).entrySet()) {
            for (String endpoint : apiEndpoints()) {
                String[] parts = endpoint.split(" ", 2);
                Http.Response response = http().as(forged.getValue())
                        .request(parts[0], concrete(parts[1]), parts[0].equals("GET") ? null : "{}");
                assertThat(response.status()).as(forged.getKey() + " on " + endpoint).isEqualTo(401);
                assertThat(response.body()).as(forged.getKey()).doesNotContain("Exception");
            }
        }
    }

    @Test
    void theRoleTableIsWhatTheEndpointsEnforce() {
        RoleTable table = RoleTable.read();
        List<String> served = apiEndpoints();
        for (RoleTable.Row row : table.rows().values()) {
            if (!served.contains(row.endpoint())) {
                continue; // another service's endpoint
            }
            for (Role role : Role.values()) {
                String site = UUID.randomUUID().toString();
                Sample sample = sample(row.method(), row.path(), site);
                Http.Response response = http().as(TestTokens.forSite("user-" + role.name().toLowerCase(), site, role))
                        .request(row.method(), sample.path(), sample.body());
                if (row.roles().contains(role)) {
                    assertThat(response.status()).as(role + " may " + row.endpoint() + ": " + response.body()).isNotIn(401, 403);
                } else {
                    assertThat(response.status()).as(role + " may not " + row.endpoint() + ": " + response.body()).isEqualTo(403);
                }
            }
            String site = UUID.randomUUID().toString();
            Sample sample = sample(row.method(), row.path(), site);
            Http.Response admin = http().as(TestTokens.orgAdmin("olga")).request(row.method(), sample.path(), sample.body());
            assertThat(admin.status()).as("ORG_ADMIN on " + row.endpoint() + ": " + admin.body())
                    .isNotIn(row.orgAdmin() ? new Integer[]{401, 403} : new Integer[]{});
        }
    }

    @Test
    void strangersToASiteSeeNothingAndChangeNothing() {
        RoleTable table = RoleTable.read();
        List<String> served = apiEndpoints();
        String stranger = TestTokens.forSite("stranger", UUID.randomUUID().toString(), Role.values());
        for (RoleTable.Row row : table.rows().values()) {
            if (!served.contains(row.endpoint())) {
                continue;
            }
            String site = UUID.randomUUID().toString();
            Sample sample = sample(row.method(), row.path(), site);
            long before = storedChanges();
            Http.Response response = http().as(stranger).request(row.method(), sample.path(), sample.body());
            // an organisation-wide row (ORG_ADMIN only) is about no site's item: refused, not hidden
            boolean singleRead = row.method().equals("GET") && row.path().contains("{") && !row.roles().isEmpty();
            assertThat(response.status()).as("stranger on " + row.endpoint() + ": " + response.body()).isEqualTo(singleRead ? 404 : 403);
            assertThat(storedChanges()).as("nothing stored by a refused " + row.endpoint()).isEqualTo(before);
        }
    }
}
