package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the demo site through the gateway, like any client would: it logs its users in (at the dev login, or at
 * an OIDC provider: {@link TokenSource}), then
 * registers the assets as the site admin ({@link DemoData#SITE_ADMIN}) and requests the work as the planner
 * ({@link DemoData#PLANNER}), who is therefore the work's {@code requestedBy}. Idempotent across restarts: a
 * site that already has work is left alone, and assets that already exist (found by tag) are reused.
 */
final class DemoSeeder {

    static final String TOKEN_PATH = DevLoginTokens.TOKEN_PATH;
    static final String PREFERENCES = "/api/notifications/preferences";

    private final JsonApi api;
    private final TokenSource tokens;
    private final Map<String, String> authorizations = new HashMap<>();

    /** Logs in at the gateway's dev login (the embedded default). */
    DemoSeeder(JsonApi api) {
        this(api, new DevLoginTokens(api));
    }

    DemoSeeder(JsonApi api, TokenSource tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    DemoSeedResult seed(Instant now) {
        String correlationId = "demo-seed-" + UUID.randomUUID();
        registerSites(correlationId);
        introduceUsers();
        String site = JsonHttp.query(DemoData.SITE_ID.toString());
        Map<String, String> planner = headers(DemoData.PLANNER, null);
        long existingWork = total(expectOk(api.get("/api/work?siteId=" + site + "&size=1", planner), "list work"));
        if (existingWork > 0) {
            return new DemoSeedResult(DemoSeedResult.Outcome.ALREADY_PRESENT, 0, 0,
                    "the demo site already has " + existingWork + " work items");
        }
        Map<String, String> siteAdmin = headers(DemoData.SITE_ADMIN, correlationId);
        Map<String, String> assetIds = existingAssets(site, siteAdmin);
        int assetsCreated = 0;
        for (DemoData.Asset asset : DemoData.assets()) {
            if (assetIds.containsKey(asset.tag())) {
                continue;
            }
            String parentId = asset.parentTag() == null ? null : assetIds.get(asset.parentTag());
            JsonHttp.Response created = api.post("/api/assets", DemoData.assetRequest(asset, parentId), siteAdmin);
            assetIds.put(asset.tag(), idOf(created, "create asset " + asset.tag()));
            assetsCreated++;
        }
        Map<String, String> requester = headers(DemoData.PLANNER, correlationId);
        int workCreated = 0;
        for (DemoData.Work work : DemoData.work()) {
            JsonHttp.Response created = api.post("/api/work", DemoData.workRequest(work, assetIds, now), requester);
            idOf(created, "create work \"" + work.title() + "\"");
            workCreated++;
        }
        return new DemoSeedResult(DemoSeedResult.Outcome.CREATED, assetsCreated, workCreated,
                assetsCreated + " assets and " + workCreated + " work items created");
    }

    /** The demo sites, each registered once: a repeat of the same registration is answered 200 and changes nothing. */
    private void registerSites(String correlationId) {
        Map<String, String> orgAdmin = headers(DemoData.ORG_ADMIN, correlationId);
        for (DemoData.Site site : DemoData.SITES) {
            expectOk(api.post("/api/sites", DemoData.siteRequest(site), orgAdmin), "register site " + site.code());
        }
    }

    /**
     * Every demo user calls notification-service once, as they would by opening the portal: it learns
     * their roles per site from the token (so permit authorities hear of permit requests, supervisors of
     * escalations). Each gets an e-mail address of the demo domain, so their e-mail reaches the mail sink,
     * unless they already chose one; nothing else of their preferences is touched.
     */
    private void introduceUsers() {
        for (String user : DemoData.LOGINS) {
            Map<String, String> headers = headers(user, null);
            JsonHttp.Response preferences = expectOk(api.get(PREFERENCES, headers), "read the preferences of " + user);
            if (preferences.json().path("email").isTextual()) {
                continue;
            }
            expectOk(api.put(PREFERENCES, Map.of("email", user + DemoData.EMAIL_DOMAIN, "timeZone", "Europe/Paris"), headers),
                    "set the e-mail address of " + user);
        }
    }

    /** Waits, up to {@code timeout}, until the site's work list shows {@code count} items; the read models lag a little. */
    void awaitVisible(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (workVisible(count)) {
                    return;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // not there yet; try again
            }
        }
    }

    /** Whether the site's work list shows at least {@code count} items (the read models are eventually consistent). */
    boolean workVisible(int count) {
        JsonHttp.Response response = api.get("/api/work?siteId=" + JsonHttp.query(DemoData.SITE_ID.toString()) + "&size=1",
                headers(DemoData.PLANNER, null));
        return response.isSuccess() && total(response) >= count;
    }

    /** The headers of a call made as {@code subject}: its bearer token, and the seed's correlation id. */
    private Map<String, String> headers(String subject, String correlationId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorizations.computeIfAbsent(subject, tokens::authorization));
        if (correlationId != null) {
            headers.put("X-Correlation-Id", correlationId);
        }
        return Map.copyOf(headers);
    }

    private Map<String, String> existingAssets(String site, Map<String, String> headers) {
        Map<String, String> ids = new HashMap<>();
        JsonNode items = expectOk(api.get("/api/assets?siteId=" + site + "&size=200", headers), "list assets")
                .json().path("items");
        for (JsonNode item : items) {
            if (item.hasNonNull("tag") && item.hasNonNull("id")) {
                ids.put(item.get("tag").asText(), item.get("id").asText());
            }
        }
        return ids;
    }

    private static long total(JsonHttp.Response response) {
        JsonNode json = response.json();
        if (json.has("total")) {
            return json.get("total").asLong();
        }
        return json.path("items").size();
    }

    private static JsonHttp.Response expectOk(JsonHttp.Response response, String what) {
        if (!response.isSuccess()) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " " + abbreviate(response.body()));
        }
        return response;
    }

    /** The id of what a POST created: from the body, else from the Location header. */
    private static String idOf(JsonHttp.Response response, String what) {
        expectOk(response, what);
        JsonNode id = response.json().path("id");
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        return response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException(what + ": the response names no id"));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
