package io.sitework.gateway.security;

import io.sitework.gateway.devlogin.DevLoginProperties;
import io.sitework.gateway.devlogin.DevSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The one place that decides which tokens the gateway accepts: RS256 only (so neither {@code alg: none}
 * nor an HMAC signed with the public key passes), then {@link TokenValidators}.
 * <ul>
 *   <li>dev login on: the dev key itself, and the dev issuer;</li>
 *   <li>otherwise: the JWK set at {@code SITEWORK_OIDC_JWK_SET_URI}, fetched on the first token (the issuer
 *       may start after the gateway), and {@code SITEWORK_OIDC_ISSUER};</li>
 *   <li>neither configured: no token is accepted (every {@code /api} call is 401), and the log says why.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevLoginProperties.class)
public class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    ReactiveJwtDecoder jwtDecoder(OidcProperties oidc, DevLoginProperties devLogin, ObjectProvider<DevSigningKey> devKey) {
        Clock clock = Clock.systemUTC();
        if (devLogin.enabled()) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(devKey.getObject().publicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(TokenValidators.of(devLogin.issuer(), oidc.audience(), oidc.clockSkew(), clock));
            log.info("Accepting tokens of the dev login (issuer {}, audience {})", devLogin.issuer(), oidc.audience());
            return decoder;
        }
        if (oidc.configured()) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(TokenValidators.of(oidc.issuer(), oidc.audience(), oidc.clockSkew(), clock, oidc.userClaim()));
            log.info("Accepting tokens of {} (keys at {}, audience {})", oidc.issuer(), oidc.jwkSetUri(), oidc.audience());
            return decoder;
        }
        log.warn("No token issuer is configured (SITEWORK_OIDC_ISSUER and SITEWORK_OIDC_JWK_SET_URI): every /api "
                + "request will be refused with 401. Set them, or SITEWORK_DEV_LOGIN_ENABLED=true on a developer machine.");
        return token -> Mono.error(new BadJwtException("no token issuer is configured"));
    }
}
