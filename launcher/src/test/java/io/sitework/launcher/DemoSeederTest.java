package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = DemoData.SITE_ID.toString();

    /**
     * A pretend gateway: logs anyone in (the token is "token-of-" the subject), lists what it is told to,
     * answers each other POST with the next id.
     */
    static final class FakeApi implements JsonApi {
        record Post(String path, JsonNode body, Map<String, String> headers) {
        }

        record Get(String pathAndQuery, Map<String, String> headers) {
        }

        final List<Post> posts = new ArrayList<>();
        final List<Get> getsSent = new ArrayList<>();
        final List<String> logins = new ArrayList<>();
        final Map<String, JsonHttp.Response> gets = new HashMap<>();
        int nextId = 1;
        boolean idInLocationOnly;
        int failPostNumber = -1;
        JsonHttp.Response loginAnswer;

        @Override
        public JsonHttp.Response get(String pathAndQuery, Map<String, String> headers) {
            getsSent.add(new Get(pathAndQuery, headers));
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            return gets.getOrDefault(path, response(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}", Map.of()));
        }

        @Override
        public JsonHttp.Response post(String path, Object body, Map<String, String> headers) {
            if (path.equals("/auth/dev/token")) {
                String subject = JSON.valueToTree(body).get("subject").asText();
                logins.add(subject);
                return loginAnswer != null ? loginAnswer
                        : response(200, "{\"access_token\":\"token-of-" + subject + "\",\"token_type\":\"Bearer\",\"expires_in\":28800}", Map.of());
            }
            posts.add(new Post(path, JSON.valueToTree(body), headers));
            if (posts.size() == failPostNumber) {
                return response(400, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"kind is unknown\"}", Map.of());
            }
            if (path.equals("/api/sites")) { // sites come with their own ids
                return response(201, "{\"id\":\"" + JSON.valueToTree(body).get("id").asText() + "\"}", Map.of());
            }
            String id = "00000000-0000-4000-8000-" + String.format("%012d", nextId++);
            if (idInLocationOnly) {
                return response(201, "", Map.of("Location", List.of(path + "/" + id)));
            }
            return response(201, "{\"id\":\"" + id + "\",\"status\":\"REQUESTED\"}", Map.of());
        }

        final List<Post> puts = new ArrayList<>();

        @Override
        public JsonHttp.Response put(String path, Object body, Map<String, String> headers) {
            puts.add(new Post(path, JSON.valueToTree(body), headers));
            return response(200, JSON.valueToTree(body).toString(), Map.of());
        }

        static JsonHttp.Response response(int status, String body, Map<String, List<String>> headers) {
            return new JsonHttp.Response(status, HttpHeaders.of(headers, (a, b) -> true), body);
        }

        List<Post> postsTo(String path) {
            return posts.stream().filter(p -> p.path().equals(path)).toList();
        }
    }

    @Test
    void anEmptySiteGetsTheAssetHierarchyAndTheWork() {
        FakeApi api = new FakeApi();

        DemoSeedResult result = new DemoSeeder(api).seed(Instant.parse("2026-11-20T08:00:00Z"));

        assertThat(result.outcome()).isEqualTo(DemoSeedResult.Outcome.CREATED);
        assertThat(result.assetsCreated()).isEqualTo(DemoData.assets().size());
        assertThat(result.workCreated()).isEqualTo(DemoData.work().size());
        List<FakeApi.Post> assets = api.postsTo("/api/assets");
        assertThat(assets).extracting(p -> p.body().get("tag").asText())
                .containsExactly("A-100", "U-110", "P-101", "P-102", "E-201", "T-301");
        // A-100 got id 1, U-110 id 2: the unit hangs under the area, the equipment under the unit
        assertThat(assets.get(0).body().has("parentId")).isFalse();
        assertThat(assets.get(1).body().get("parentId").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(assets.subList(2, 6)).allSatisfy(p ->
                assertThat(p.body().get("parentId").asText()).isEqualTo("00000000-0000-4000-8000-000000000002"));
        List<FakeApi.Post> work = api.postsTo("/api/work");
        assertThat(work).hasSize(DemoData.work().size());
        // P-101 got id 3
        assertThat(work.get(0).body().get("assetIds")).containsExactly(JSON.valueToTree("00000000-0000-4000-8000-000000000003"));
        assertThat(work).allSatisfy(p -> assertThat(p.body().get("siteId").asText()).isEqualTo(SITE));
    }

    @Test
    void theDemoSitesAreRegisteredFirstWithTheirFixedIdsByTheOrgAdmin() {
        FakeApi api = new FakeApi();

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.posts.subList(0, 2)).extracting(FakeApi.Post::path).containsOnly("/api/sites");
        assertThat(api.postsTo("/api/sites")).extracting(p -> p.body().get("id").asText())
                .containsExactly(SITE, DemoData.SOUTH_SITE_ID.toString());
        assertThat(api.postsTo("/api/sites")).extracting(p -> p.body().get("code").asText()).containsExactly("NORTH", "SOUTH");
        assertThat(api.postsTo("/api/sites")).allSatisfy(p ->
                assertThat(p.headers()).containsEntry("Authorization", "Bearer token-of-olga.admin"));
    }

    @Test
    void everyRequestOfOneSeedCarriesTheSameCorrelationId() {
        FakeApi api = new FakeApi();

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.posts).extracting(p -> p.headers().get("X-Correlation-Id")).allMatch(id -> id.startsWith("demo-seed-"))
                .containsOnly(api.posts.get(0).headers().get("X-Correlation-Id"));
    }

    @Test
    void aSiteThatAlreadyHasWorkIsLeftAlone() {
        FakeApi api = new FakeApi();
        api.gets.put("/api/work", FakeApi.response(200, "{\"items\":[{\"id\":\"x\"}],\"page\":0,\"size\":1,\"total\":6}", Map.of()));

        DemoSeedResult result = new DemoSeeder(api).seed(Instant.now());

        assertThat(result.outcome()).isEqualTo(DemoSeedResult.Outcome.ALREADY_PRESENT);
        assertThat(result.detail()).contains("6 work items");
        assertThat(api.posts).extracting(FakeApi.Post::path).containsOnly("/api/sites");
    }

    @Test
    void assetsLeftByAnInterruptedSeedAreReusedNotDuplicated() {
        FakeApi api = new FakeApi();
        api.gets.put("/api/assets", FakeApi.response(200, """
                {"items":[{"id":"area-id","tag":"A-100"},{"id":"unit-id","tag":"U-110"},{"id":"p101-id","tag":"P-101"}],
                 "page":0,"size":200,"total":3}""", Map.of()));

        DemoSeedResult result = new DemoSeeder(api).seed(Instant.now());

        assertThat(result.assetsCreated()).isEqualTo(3);
        assertThat(api.postsTo("/api/assets")).extracting(p -> p.body().get("tag").asText())
                .containsExactly("P-102", "E-201", "T-301");
        assertThat(api.postsTo("/api/assets")).allSatisfy(p -> assertThat(p.body().get("parentId").asText()).isEqualTo("unit-id"));
        assertThat(api.postsTo("/api/work").get(0).body().get("assetIds")).containsExactly(JSON.valueToTree("p101-id"));
    }

    @Test
    void theIdMayComeFromTheLocationHeader() {
        FakeApi api = new FakeApi();
        api.idInLocationOnly = true;

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.postsTo("/api/assets").get(1).body().get("parentId").asText())
                .isEqualTo("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void aRefusedRequestStopsTheSeedAndSaysWhy() {
        FakeApi api = new FakeApi();
        api.failPostNumber = DemoData.SITES.size() + DemoData.assets().size() + 1; // the first work item

        assertThatThrownBy(() -> new DemoSeeder(api).seed(Instant.now()))
                .hasMessageContaining("create work \"P-101 mechanical seal leaking\"")
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("kind is unknown");
        assertThat(api.posts).hasSize(DemoData.SITES.size() + DemoData.assets().size() + 1);
    }

    @Test
    void aGatewayThatCannotListTheSiteStopsTheSeedBeforeAnyAssetOrWork() {
        FakeApi api = new FakeApi();
        api.gets.put("/api/work", FakeApi.response(503, "{\"status\":503}", Map.of()));

        assertThatThrownBy(() -> new DemoSeeder(api).seed(Instant.now())).hasMessageContaining("list work: HTTP 503");
        assertThat(api.posts).extracting(FakeApi.Post::path).containsOnly("/api/sites");
    }

    @Test
    void theWorkIsVisibleOnceTheListShowsAtLeastThatMany() {
        FakeApi api = new FakeApi();
        DemoSeeder seeder = new DemoSeeder(api);
        assertThat(seeder.workVisible(6)).isFalse();

        api.gets.put("/api/work", FakeApi.response(200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":6}", Map.of()));

        assertThat(seeder.workVisible(6)).isTrue();
    }

    @Test
    void theSiteAdminRegistersTheAssetsAndThePlannerRequestsTheWork() {
        FakeApi api = new FakeApi();

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.postsTo("/api/assets")).allSatisfy(p ->
                assertThat(p.headers()).containsEntry("Authorization", "Bearer token-of-sam.siteadmin"));
        assertThat(api.postsTo("/api/work")).allSatisfy(p ->
                assertThat(p.headers()).containsEntry("Authorization", "Bearer token-of-anna.planner"));
        assertThat(api.getsSent).allSatisfy(g -> assertThat(g.headers()).containsKey("Authorization"));
        assertThat(api.logins).as("each demo user logs in once").containsExactlyInAnyOrderElementsOf(DemoData.LOGINS);
    }

    @Test
    void everyDemoUserIsIntroducedToNotificationsWithADemoAddressUnlessTheyChoseOne() {
        FakeApi api = new FakeApi();
        api.gets.put(DemoSeeder.PREFERENCES, FakeApi.response(200, "{\"email\":null,\"timeZone\":\"Z\"}", Map.of()));

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.puts).hasSize(DemoData.LOGINS.size());
        assertThat(api.puts).allSatisfy(p -> assertThat(p.path()).isEqualTo(DemoSeeder.PREFERENCES));
        assertThat(api.puts.get(0).body().get("email").asText()).isEqualTo(DemoData.LOGINS.get(0) + "@sitework.demo");
        assertThat(api.puts.get(0).headers()).containsEntry("Authorization", "Bearer token-of-" + DemoData.LOGINS.get(0));

        FakeApi chosen = new FakeApi();
        chosen.gets.put(DemoSeeder.PREFERENCES, FakeApi.response(200, "{\"email\":\"me@plant.example\"}", Map.of()));
        new DemoSeeder(chosen).seed(Instant.now());
        assertThat(chosen.puts).as("an address the user chose is kept").isEmpty();
    }

    @Test
    void theAlreadySeededCheckIsMadeWithAToken() {
        FakeApi api = new FakeApi();
        api.gets.put("/api/work", FakeApi.response(200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":6}", Map.of()));

        new DemoSeeder(api).seed(Instant.now());

        assertThat(api.getsSent.stream().filter(g -> g.pathAndQuery().startsWith("/api/work")).toList()).singleElement().satisfies(g -> {
            assertThat(g.pathAndQuery()).startsWith("/api/work?siteId=" + SITE);
            assertThat(g.headers()).containsEntry("Authorization", "Bearer token-of-anna.planner");
        });
    }

    @Test
    void aGatewayWithoutDevLoginStopsTheSeedSayingSo() {
        FakeApi api = new FakeApi();
        api.loginAnswer = FakeApi.response(404, "{\"status\":404,\"detail\":\"There is no API at this path.\"}", Map.of());

        assertThatThrownBy(() -> new DemoSeeder(api).seed(Instant.now()))
                .hasMessageContaining("log in as olga.admin: HTTP 404");
        assertThat(api.posts).isEmpty();
        assertThat(api.getsSent).isEmpty();
    }

    @Test
    void anAnswerWithoutTokenStopsTheSeed() {
        FakeApi api = new FakeApi();
        api.loginAnswer = FakeApi.response(200, "{\"token_type\":\"Bearer\"}", Map.of());

        assertThatThrownBy(() -> new DemoSeeder(api).seed(Instant.now())).hasMessageContaining("no access_token");
    }

    @Test
    void theVisibilityCheckIsMadeWithAToken() {
        FakeApi api = new FakeApi();

        new DemoSeeder(api).workVisible(1);

        assertThat(api.getsSent).singleElement().satisfies(g ->
                assertThat(g.headers()).containsEntry("Authorization", "Bearer token-of-anna.planner"));
    }
}
