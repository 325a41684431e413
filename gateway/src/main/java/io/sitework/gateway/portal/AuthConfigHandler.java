package io.sitework.gateway.portal;

import io.sitework.gateway.devlogin.DevLoginProperties;
import io.sitework.gateway.security.OidcProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/config}: how the portal logs people in. {@code {"mode":"dev","users":[…]}} in the embedded
 * default (the dev login's demo users, for the picker); {@code {"mode":"oidc","issuer","clientId","scope","userClaim"}}
 * with an OIDC provider (authorization code + PKCE from the browser, a public client); {@code {"mode":"none"}}
 * when neither is configured (then every API call is 401 anyway). Nothing secret: the client is public.
 */
final class AuthConfigHandler {

    private final PortalProperties portal;
    private final DevLoginProperties devLogin;
    private final OidcProperties oidc;

    AuthConfigHandler(PortalProperties portal, DevLoginProperties devLogin, OidcProperties oidc) {
        this.portal = portal;
        this.devLogin = devLogin;
        this.oidc = oidc;
    }

    Map<String, Object> answer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (devLogin.enabled()) {
            answer.put("mode", "dev");
            answer.put("users", devLogin.demoUsers() == null ? List.of() : devLogin.demoUsers().stream().map(user -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("subject", user.subject());
                view.put("name", user.name());
                view.put("sites", user.sites());
                view.put("orgAdmin", user.orgAdmin());
                return view;
            }).toList());
            return answer;
        }
        String issuer = portal.oidcIssuer() != null ? portal.oidcIssuer() : oidc.issuer();
        if (issuer == null) {
            answer.put("mode", "none");
            return answer;
        }
        answer.put("mode", "oidc");
        answer.put("issuer", issuer);
        answer.put("clientId", portal.oidcClientId());
        answer.put("scope", portal.oidcScope());
        // the claim of the token that names the user, as the services read it (the portal's "me")
        answer.put("userClaim", oidc.userClaim());
        return answer;
    }

    Mono<ServerResponse> config(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .bodyValue(answer());
    }
}
