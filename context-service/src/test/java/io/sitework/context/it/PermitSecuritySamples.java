package io.sitework.context.it;

import io.sitework.support.test.AbstractSecuritySuiteIT.Sample;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests for the security suite's rows of the permit endpoints: each on a permit of the site in the
 * state the step needs, prepared by two org admins (olga requests, applies and hands back; oscar
 * approves, verifies and issues), so that the user under test is never the requester or the isolator.
 */
final class PermitSecuritySamples {

    private static final String REASON = "{\"reason\":\"Security suite\"}";

    private final Supplier<Http> http;

    PermitSecuritySamples(Supplier<Http> http) {
        this.http = http;
    }

    /** How far a sample permit (with one isolation point) has come. */
    private enum Stage { REQUESTED, APPROVED, ISOLATED, VERIFIED, ISSUED, SUSPENDED, HANDED_BACK, RELEASED }

    private record Permit(String path, String isolationPath) {
    }

    Optional<Sample> sample(String method, String pathPattern, String siteId) {
        return Optional.ofNullable(switch (method + " " + pathPattern) {
            case "POST /api/permits" -> new Sample("/api/permits", body(siteId));
            case "GET /api/permits" -> new Sample("/api/permits?siteId=" + siteId, null);
            case "GET /api/permits/{id}" -> new Sample(permit(siteId, Stage.REQUESTED).path(), null);
            case "GET /api/permits/{id}/history" -> new Sample(permit(siteId, Stage.REQUESTED).path() + "/history", null);
            case "GET /api/audit/permits/{id}/verify" -> new Sample(permit(siteId, Stage.REQUESTED).path()
                    .replace("/api/permits/", "/api/audit/permits/") + "/verify", null);
            case "GET /api/assets/{assetId}/active-permits" -> new Sample("/api/assets/" + asset(siteId) + "/active-permits", null);
            case "POST /api/permits/{id}/approve" -> new Sample(permit(siteId, Stage.REQUESTED).path() + "/approve", null);
            case "POST /api/permits/{id}/reject" -> new Sample(permit(siteId, Stage.REQUESTED).path() + "/reject", REASON);
            case "POST /api/permits/{id}/issue" -> new Sample(permit(siteId, Stage.VERIFIED).path() + "/issue", "{}");
            case "POST /api/permits/{id}/suspend" -> new Sample(permit(siteId, Stage.ISSUED).path() + "/suspend", REASON);
            case "POST /api/permits/{id}/resume" -> new Sample(permit(siteId, Stage.SUSPENDED).path() + "/resume", null);
            case "POST /api/permits/{id}/handback" -> new Sample(permit(siteId, Stage.ISSUED).path() + "/handback", null);
            case "POST /api/permits/{id}/close" -> new Sample(permit(siteId, Stage.RELEASED).path() + "/close", null);
            case "POST /api/permits/{id}/cancel" -> new Sample(permit(siteId, Stage.REQUESTED).path() + "/cancel", REASON);
            case "POST /api/permits/{id}/isolations/{isolationId}/apply" ->
                    new Sample(permit(siteId, Stage.APPROVED).isolationPath() + "/apply", null);
            case "POST /api/permits/{id}/isolations/{isolationId}/verify" ->
                    new Sample(permit(siteId, Stage.ISOLATED).isolationPath() + "/verify", null);
            case "POST /api/permits/{id}/isolations/{isolationId}/remove" ->
                    new Sample(permit(siteId, Stage.HANDED_BACK).isolationPath() + "/remove", null);
            default -> null;
        });
    }

    private static String body(String siteId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"siteId":"%s","type":"ELECTRICAL","hazards":["Live conductors"],"controls":["Isolate and prove dead"],\
                "validFrom":"%s","validTo":"%s","isolations":[{"point":"MCC-4 breaker","method":"DISCONNECT"}]}"""
                .formatted(siteId, now.minusSeconds(60), now.plus(Duration.ofDays(1)));
    }

    private String asset(String siteId) {
        Sites.register(http.get(), siteId);
        Http.Response created = http.get().as(TestTokens.orgAdmin("olga")).post("/api/assets", """
                {"siteId":"%s","tag":"P-%s","name":"Pump","assetClass":"PUMP","criticality":"C"}"""
                .formatted(siteId, Long.toHexString(System.nanoTime())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Permit permit(String siteId, Stage stage) {
        Http olga = http.get().as(TestTokens.orgAdmin("olga"));
        Http oscar = http.get().as(TestTokens.orgAdmin("oscar"));
        Http.Response created = olga.post("/api/permits", body(siteId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/permits/" + created.json().get("id").asText();
        Permit permit = new Permit(path, path + "/isolations/" + created.json().get("isolations").get(0).get("isolationId").asText());
        step(stage, Stage.APPROVED, oscar, path + "/approve", null);
        step(stage, Stage.ISOLATED, olga, permit.isolationPath() + "/apply", null);
        step(stage, Stage.VERIFIED, oscar, permit.isolationPath() + "/verify", null);
        step(stage, Stage.ISSUED, oscar, path + "/issue", "{}");
        if (stage == Stage.SUSPENDED) {
            step(stage, Stage.SUSPENDED, oscar, path + "/suspend", REASON);
        } else {
            step(stage, Stage.HANDED_BACK, olga, path + "/handback", null);
            step(stage, Stage.RELEASED, olga, permit.isolationPath() + "/remove", null);
        }
        return permit;
    }

    private static void step(Stage wanted, Stage needs, Http who, String path, String body) {
        if (wanted.compareTo(needs) >= 0) {
            Http.Response response = who.post(path, body);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        }
    }
}
