package io.sitework.gateway.devlogin;

import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import io.sitework.gateway.security.OidcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Clock;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The embedded default's login, present only with {@code sitework.dev-login.enabled=true}
 * ({@code SITEWORK_DEV_LOGIN_ENABLED}). Without it, {@code /auth/dev/**} is an ordinary 404 and the
 * gateway trusts only the configured OIDC issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sitework.dev-login", name = "enabled", havingValue = "true")
public class DevLoginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevLoginConfiguration.class);

    @Bean
    DevSigningKey devSigningKey(DevLoginProperties properties) {
        log.warn("Dev login is ON: anyone who reaches POST /auth/dev/token gets a token with any role on any site. "
                + "It is meant for the embedded default on one machine; never enable it in production.");
        return DevSigningKey.loadOrCreate(properties.keyPath());
    }

    @Bean
    DevTokenIssuer devTokenIssuer(DevSigningKey key, DevLoginProperties properties, OidcProperties oidc) {
        return new DevTokenIssuer(key, properties.issuer(), oidc.audience(), properties.tokenTtl(), Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> devLoginRoutes(DevLoginProperties properties, DevSigningKey key,
                                                  DevTokenIssuer issuer, SiteworkRateLimiter rateLimiter) {
        DevLoginHandler handler = new DevLoginHandler(properties, key, issuer, rateLimiter);
        return route()
                .POST("/auth/dev/token", handler::token)
                .GET("/auth/dev/jwks", handler::jwks)
                .GET("/auth/dev/users", handler::users)
                .build();
    }
}
