package io.sitework.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import io.sitework.support.web.Problems;

/**
 * Every service is an OAuth2 resource server of its own: the gateway is not the only wall. Health,
 * info, metrics (scraped on the service's own port, never through the gateway) and the OpenAPI
 * document are open; everything under /api needs a valid token; anything else is refused.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    public JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new NotBeforeValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                audience(properties.audience())));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "the token is not meant for this audience", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }

    @Bean
    public ProblemSecurityHandlers problemSecurityHandlers(ObjectMapper mapper) {
        return new ProblemSecurityHandlers(mapper);
    }

    /** A URL Spring Security's firewall refuses (an encoded slash, a semicolon, "//", a control character): 400 problem+json. */
    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper mapper) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "The request's URL holds characters or sequences that are not allowed (e.g. an encoded slash, a semicolon, "
                            + "'//', a control character)."));
        };
    }

    @Bean
    public SiteAccess siteAccess() {
        return new SiteAccess();
    }

    @Bean
    public SecurityFilterChain siteworkSecurity(HttpSecurity http, JwtDecoder decoder, ProblemSecurityHandlers problems,
                                                SecurityProperties properties) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtUserConverter(properties.userClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Spring's timestamp validator checks only {@code exp} strictly when {@code nbf} is absent; be explicit about {@code nbf}. */
    static final class NotBeforeValidator implements OAuth2TokenValidator<Jwt> {
        private final java.time.Duration skew;

        NotBeforeValidator(java.time.Duration skew) {
            this.skew = skew;
        }

        @Override
        public OAuth2TokenValidatorResult validate(Jwt jwt) {
            if (jwt.getNotBefore() != null && java.time.Instant.now().plus(skew).isBefore(jwt.getNotBefore())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is not valid yet", null));
            }
            return OAuth2TokenValidatorResult.success();
        }
    }
}
