package io.sitework.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the Sitework claims of a verified token: the user's id (the user claim, {@code sub} unless configured
 * otherwise), {@code name}, {@code sites} (site id → roles) and {@code org_admin}. A malformed claim makes the
 * token invalid (401); roles this version does not know are ignored, so an identity provider may add new ones
 * first.
 */
public class JwtUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:|-]{1,200}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,99}");

    private final String userClaim;

    /** Names the user by {@code sub}. */
    public JwtUserConverter() {
        this("sub");
    }

    /** Names the user by {@code userClaim} (e.g. {@code preferred_username}). */
    public JwtUserConverter(String userClaim) {
        this.userClaim = claimName(userClaim);
    }

    /** A claim name as configured: blank means {@code sub}; anything but a plain claim name is a configuration error. */
    static String claimName(String configured) {
        if (configured == null || configured.isBlank()) {
            return "sub";
        }
        String claim = configured.strip();
        if (!CLAIM.matcher(claim).matches()) {
            throw new IllegalArgumentException("sitework.security.user-claim (SITEWORK_OIDC_USER_CLAIM) must be a claim name, not '"
                    + configured + "'");
        }
        return claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object claimed = jwt.getClaims().get(userClaim);
        String subject = claimed instanceof String s ? s : null;
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new InvalidBearerTokenException("the token has no usable " + userClaim + " claim to name the user");
        }
        Object name = jwt.getClaims().get("name");
        return new SiteworkAuthentication(jwt, new SiteworkUser(subject, name instanceof String s ? s : subject,
                sites(jwt.getClaims().get("sites")), Boolean.TRUE.equals(jwt.getClaims().get("org_admin"))));
    }

    private static Map<String, Set<Role>> sites(Object claim) {
        if (claim == null) {
            return Map.of();
        }
        if (!(claim instanceof Map<?, ?> map)) {
            throw new InvalidBearerTokenException("the sites claim must be an object of site id to roles");
        }
        Map<String, Set<Role>> sites = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String siteId = String.valueOf(entry.getKey());
            try {
                siteId = UUID.fromString(siteId).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidBearerTokenException("the sites claim names a site that is not a UUID");
            }
            if (!(entry.getValue() instanceof List<?> list)) {
                throw new InvalidBearerTokenException("the roles of a site must be an array");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Object role : list) {
                try {
                    roles.add(Role.valueOf(String.valueOf(role)));
                } catch (IllegalArgumentException unknownRole) {
                    // a role of a later version: holds no permission here
                }
            }
            if (!roles.isEmpty()) {
                sites.put(siteId, roles);
            }
        }
        return sites;
    }
}
