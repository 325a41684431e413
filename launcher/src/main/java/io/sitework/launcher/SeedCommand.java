package io.sitework.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code java -jar sitework.jar seed}: only the demo data, on a platform that runs elsewhere — docker-compose's
 * one-shot seeder. Where the embedded default logs in at the gateway's dev login, which compose keeps off, this
 * mode takes tokens from the OIDC provider's password grant when {@code SITEWORK_SEED_TOKEN_URL} is set.
 * A platform that has just become healthy may still refuse the first calls (the gateway fetches the provider's
 * keys on the first token): the seed, idempotent, is retried until {@code SITEWORK_SEED_TIMEOUT}.
 */
final class SeedCommand {

    static final String GATEWAY_URL = "SITEWORK_SEED_GATEWAY_URL";
    static final String TOKEN_URL = "SITEWORK_SEED_TOKEN_URL";
    static final String CLIENT_ID = "SITEWORK_SEED_CLIENT_ID";
    static final String PASSWORD = "SITEWORK_SEED_PASSWORD";
    static final String TIMEOUT = "SITEWORK_SEED_TIMEOUT";

    /** What the environment asks for. {@code tokenUrl} null: the gateway's dev login. */
    record Settings(URI gateway, URI tokenUrl, String clientId, String password, Duration timeout) {

        static Settings from(Map<String, String> env) {
            URI gateway = uri(GATEWAY_URL, env.getOrDefault(GATEWAY_URL, "http://localhost:8080"));
            String tokenUrl = blankToNull(env.get(TOKEN_URL));
            String password = env.get(PASSWORD);
            if (tokenUrl != null && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException(PASSWORD + " must be set with " + TOKEN_URL);
            }
            Duration timeout;
            try {
                timeout = Duration.parse(env.getOrDefault(TIMEOUT, "PT3M"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(TIMEOUT + " must be an ISO-8601 duration such as PT3M, not \""
                        + env.get(TIMEOUT) + "\"");
            }
            return new Settings(gateway, tokenUrl == null ? null : uri(TOKEN_URL, tokenUrl),
                    env.getOrDefault(CLIENT_ID, "sitework-demo"), password, timeout);
        }

        TokenSource tokens(JsonApi api) {
            return tokenUrl == null ? new DevLoginTokens(api) : new PasswordGrantTokens(tokenUrl, clientId, password);
        }
    }

    private SeedCommand() {
    }

    /** The process's exit code: 0 when the demo data is there (created now or before), 1 otherwise, 2 on bad settings. */
    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        Settings settings;
        try {
            settings = Settings.from(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println("Seeding the demo site through " + settings.gateway()
                + (settings.tokenUrl() == null ? " (dev login)" : " (tokens from " + settings.tokenUrl() + ")"));
        JsonHttp api = new JsonHttp(settings.gateway());
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        RuntimeException last = null;
        int attempt = 0;
        while (attempt == 0 || System.nanoTime() < deadline) {
            attempt++;
            DemoSeeder seeder = new DemoSeeder(api, settings.tokens(api));
            try {
                DemoSeedResult result = seeder.seed(Instant.now());
                if (result.outcome() == DemoSeedResult.Outcome.CREATED) {
                    seeder.awaitVisible(result.workCreated(), Duration.ofSeconds(30));
                }
                out.println("Demo site " + DemoData.SITE_ID + ": " + result.detail());
                return 0;
            } catch (RuntimeException e) {
                last = e;
                err.println("Attempt " + attempt + " failed: " + e.getMessage());
                if (System.nanoTime() >= deadline || !sleep(Duration.ofSeconds(5))) {
                    break;
                }
            }
        }
        err.println("Seeding failed: " + (last == null ? "interrupted" : last.getMessage()));
        return 1;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static URI uri(String variable, String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " must be an http(s) URL, not \"" + value + "\"");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
