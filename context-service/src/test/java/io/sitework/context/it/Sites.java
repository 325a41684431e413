package io.sitework.context.it;

import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sites set up by an org admin, as every asset and contractor needs one. */
final class Sites {

    private Sites() {
    }

    /** Registers a site with this id (and a random code) as an org admin, unless it exists already. */
    static String register(Http http, String siteId) {
        if (http.as(TestTokens.orgAdmin("olga")).get("/api/sites/" + siteId).status() == 200) {
            return siteId;
        }
        Http.Response created = http.as(TestTokens.orgAdmin("olga")).post("/api/sites", body(siteId, randomCode(), "Site " + siteId, "UTC"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return siteId;
    }

    static String body(String siteId, String code, String name, String timeZone) {
        return """
                {%s"code":"%s","name":"%s","timeZone":"%s"}""".formatted(siteId == null ? "" : "\"id\":\"" + siteId + "\",", code, name, timeZone);
    }

    static String randomCode() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
