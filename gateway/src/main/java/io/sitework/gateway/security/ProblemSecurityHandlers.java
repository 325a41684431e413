package io.sitework.gateway.security;

import io.sitework.gateway.config.GatewayProblems;
import io.sitework.gateway.config.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 from the gateway's security filters as problem+json, with the {@code WWW-Authenticate}
 * header of RFC 6750. A rejected token is never explained beyond "rejected": the reason (expired, wrong
 * issuer, bad signature) would help someone forging tokens more than an honest client.
 */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String REALM = "sitework";

    private final ProblemWriter problemWriter;

    public ProblemSecurityHandlers(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean rejected = e instanceof OAuth2AuthenticationException;
        String challenge = "Bearer realm=\"" + REALM + "\"";
        if (rejected) {
            String code = ((OAuth2AuthenticationException) e).getError().getErrorCode();
            if (!BearerTokenErrorCodes.INVALID_REQUEST.equals(code)) {
                code = BearerTokenErrorCodes.INVALID_TOKEN;
            }
            challenge += ", error=\"" + code + "\", error_description=\"The bearer token was rejected\"";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problemWriter.write(exchange, GatewayProblems.unauthorized(rejected));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"" + REALM + "\", error=\"" + BearerTokenErrorCodes.INSUFFICIENT_SCOPE + "\"");
        return problemWriter.write(exchange, GatewayProblems.forStatus(HttpStatus.FORBIDDEN, null));
    }
}
