package io.sitework.support.security;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.util.Map;

/** A verified bearer token and the Sitework user it describes. */
public class SiteworkAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final SiteworkUser user;

    public SiteworkAuthentication(Jwt jwt, SiteworkUser user) {
        super(jwt, user, jwt, AuthorityUtils.NO_AUTHORITIES);
        this.user = user;
        setAuthenticated(true);
    }

    public SiteworkUser user() {
        return user;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return user.subject();
    }
}
