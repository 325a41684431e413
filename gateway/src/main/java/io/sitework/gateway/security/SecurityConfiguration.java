package io.sitework.gateway.security;

import io.sitework.gateway.config.ProblemWriter;
import io.sitework.gateway.portal.PortalProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Two filter chains. {@code /api/**}: a valid bearer token or 401 (the token is forwarded unchanged, the
 * services check it again and decide per site). Everything else (health and info, the dev login when it is
 * on, {@code /auth/config}, the portal's files): open. Both: security headers, CORS for the portal's origin only, no session.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OidcProperties.class, CorsProperties.class})
public class SecurityConfiguration {

    /**
     * A same-origin single-page app: its own scripts and API, never framed, no plugins. Styles allow inline
     * {@code <style>} elements because the portal's component library (MUI, through emotion) injects its styles
     * at run time; scripts stay strictly same-origin. With an OIDC provider the browser also talks to it
     * (discovery, token endpoint), so its origin is added to {@code connect-src} and {@code frame-src}.
     */
    public static String contentSecurityPolicy(String oidcIssuer) {
        String provider = origin(oidcIssuer);
        String extra = provider == null ? "" : " " + provider;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'" + extra + "; frame-src 'self'" + extra
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of an issuer URL, or null when there is none (or it is not an http(s) URL). */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(url.trim());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static final List<String> CORS_METHODS = List.of("GET", "POST", "PUT", "DELETE");
    static final List<String> CORS_REQUEST_HEADERS = List.of("Authorization", "Content-Type", "If-Match",
            "Idempotency-Key", "X-Correlation-Id", "Last-Event-ID", "X-Occurred-At");
    static final List<String> CORS_EXPOSED_HEADERS = List.of("ETag", "Location", "X-Correlation-Id", "Retry-After");

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter problemWriter) {
        return new ProblemSecurityHandlers(problemWriter);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                       ProblemSecurityHandlers problems, CorsConfigurationSource cors,
                                       PortalProperties portal, OidcProperties oidc) {
        return common(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api", "/api/**")), cors, problems,
                        csp(portal, oidc))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(userNamedBy(oidc.userClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** The principal's name (the rate limit's key) is the claim that names the user, as in the services. */
    static ReactiveJwtAuthenticationConverterAdapter userNamedBy(String userClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(userClaim);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain openSecurity(ServerHttpSecurity http, ProblemSecurityHandlers problems,
                                        CorsConfigurationSource cors, PortalProperties portal, OidcProperties oidc) {
        return common(http, cors, problems, csp(portal, oidc))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    private static String csp(PortalProperties portal, OidcProperties oidc) {
        return contentSecurityPolicy(portal.oidcIssuer() != null ? portal.oidcIssuer() : oidc.issuer());
    }

    private static ServerHttpSecurity common(ServerHttpSecurity http, CorsConfigurationSource cors,
                                             ProblemSecurityHandlers problems, String contentSecurityPolicy) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentTypeOptions(contentType -> { })
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        // see ApiCacheControlFilter: no-store for the API, the portal's files may be cached
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration portal = new CorsConfiguration();
        portal.setAllowedOrigins(properties.origins());
        portal.setAllowedMethods(CORS_METHODS);
        portal.setAllowedHeaders(CORS_REQUEST_HEADERS);
        portal.setExposedHeaders(CORS_EXPOSED_HEADERS);
        portal.setAllowCredentials(false);
        portal.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", portal);
        source.registerCorsConfiguration("/auth/**", portal);
        return source;
    }
}
