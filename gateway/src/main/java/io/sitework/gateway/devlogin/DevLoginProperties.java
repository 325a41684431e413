package io.sitework.gateway.devlogin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The embedded default's login ({@code sitework.dev-login.*}). Off unless {@code SITEWORK_DEV_LOGIN_ENABLED=true}:
 * whoever reaches {@code POST /auth/dev/token} gets any role on any site.
 *
 * @param enabled   whether the dev login endpoints exist and the gateway trusts the dev key
 * @param keyFile   the RSA private key as a JWK JSON file ({@code SITEWORK_DEV_LOGIN_KEY_FILE}); created (0600)
 *                  when missing; blank: a key generated in memory for this run
 * @param tokenTtl  how long an issued token is valid ({@code SITEWORK_DEV_LOGIN_TOKEN_TTL}, default PT8H)
 * @param issuer    the {@code iss} of issued tokens, and the only issuer the gateway trusts in this mode
 * @param demoUsers users whose roles a token request may leave out
 */
@ConfigurationProperties("sitework.dev-login")
public record DevLoginProperties(boolean enabled, String keyFile, Duration tokenTtl, String issuer,
                                 List<DemoUser> demoUsers) {

    /** What a subject may look like: a user id, an e-mail address. */
    public static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Duration MAX_TTL = Duration.ofDays(30);

    /**
     * A demo user for the portal's login picker.
     *
     * @param sites site id → roles there
     */
    public record DemoUser(String subject, String name, Map<String, List<SiteRole>> sites, boolean orgAdmin) {

        public DemoUser {
            sites = sites == null ? Map.of() : copy(sites);
        }

        private static Map<String, List<SiteRole>> copy(Map<String, List<SiteRole>> sites) {
            Map<String, List<SiteRole>> copy = new LinkedHashMap<>();
            sites.forEach((site, roles) -> copy.put(site.toLowerCase(Locale.ROOT),
                    List.copyOf(roles == null ? List.of() : roles)));
            return Collections.unmodifiableMap(copy);
        }
    }

    public DevLoginProperties {
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.trim();
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
        if (enabled) {
            validate(tokenTtl, issuer, demoUsers);
        }
    }

    public Path keyPath() {
        return keyFile == null ? null : Path.of(keyFile);
    }

    public Optional<DemoUser> demoUser(String subject) {
        return demoUsers.stream().filter(user -> user.subject().equals(subject)).findFirst();
    }

    private static void validate(Duration tokenTtl, String issuer, List<DemoUser> demoUsers) {
        List<String> problems = new ArrayList<>();
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TTL) > 0) {
            problems.add("token-ttl must be positive and at most " + MAX_TTL + ", not " + tokenTtl);
        }
        if (issuer == null || issuer.isBlank()) {
            problems.add("issuer must be set");
        }
        Set<String> subjects = new HashSet<>();
        for (DemoUser user : demoUsers) {
            if (user.subject() == null || !SUBJECT.matcher(user.subject()).matches()) {
                problems.add("demo user subject '" + user.subject() + "' is not 1-100 characters of [A-Za-z0-9._@-]");
            } else if (!subjects.add(user.subject())) {
                problems.add("demo user " + user.subject() + " is listed twice");
            }
            user.sites().forEach((site, roles) -> {
                if (!UUID_FORM.matcher(site).matches()) {
                    problems.add("demo user " + user.subject() + ": site '" + site + "' is not a UUID");
                }
                if (roles.isEmpty()) {
                    problems.add("demo user " + user.subject() + ": no roles on site " + site);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("sitework.dev-login: " + String.join("; ", problems));
        }
    }
}
