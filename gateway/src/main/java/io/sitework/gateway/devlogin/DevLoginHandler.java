package io.sitework.gateway.devlogin;

import io.sitework.gateway.config.CorrelationIdFilter;
import io.sitework.gateway.config.GatewayProblems;
import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/dev/token}, {@code GET /auth/dev/jwks} and {@code GET /auth/dev/users}: the embedded
 * default's login. Token requests are rate limited per client address.
 */
final class DevLoginHandler {

    private static final Logger log = LoggerFactory.getLogger(DevLoginHandler.class);

    private final DevLoginProperties properties;
    private final DevSigningKey key;
    private final DevTokenIssuer issuer;
    private final SiteworkRateLimiter rateLimiter;

    DevLoginHandler(DevLoginProperties properties, DevSigningKey key, DevTokenIssuer issuer,
                    SiteworkRateLimiter rateLimiter) {
        this.properties = properties;
        this.key = key;
        this.issuer = issuer;
        this.rateLimiter = rateLimiter;
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return rateLimiter.check(SiteworkRateLimiter.DEV_LOGIN_SCOPE, "ip:" + clientAddress(request))
                .flatMap(verdict -> verdict.allowed() ? issue(request)
                        : problem(request, GatewayProblems.tooManyRequests(verdict.retryAfterSeconds()),
                                Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()))));
    }

    private Mono<ServerResponse> issue(ServerRequest request) {
        MediaType contentType = request.headers().contentType().orElse(null);
        if (contentType != null && !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !contentType.getSubtype().endsWith("+json")) {
            return problem(request, GatewayProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send the body as application/json."), Map.of());
        }
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            DevTokenRequest.Result parsed = DevTokenRequest.parse(body, properties);
            if (!parsed.valid()) {
                ProblemDetail problem = GatewayProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        parsed.detail());
                problem.setProperty("errors", parsed.errors());
                return problem(request, problem, Map.of());
            }
            DevTokenIssuer.IssuedToken token = issuer.issue(parsed.grant());
            log.info("Dev login issued a token for {} (sites {}, org admin {})", parsed.grant().subject(),
                    parsed.grant().sites(), parsed.grant().orgAdmin());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", token.value());
            answer.put("token_type", "Bearer");
            answer.put("expires_in", token.expiresIn().toSeconds());
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .bodyValue(answer);
        });
    }

    Mono<ServerResponse> jwks(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(key.publicJwkSet());
    }

    Mono<ServerResponse> users(ServerRequest request) {
        List<Map<String, Object>> users = properties.demoUsers().stream().map(user -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("subject", user.subject());
            view.put("name", user.name());
            view.put("sites", user.sites());
            view.put("orgAdmin", user.orgAdmin());
            return view;
        }).toList();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(users);
    }

    private static Mono<ServerResponse> problem(ServerRequest request, ProblemDetail problem, Map<String, String> headers) {
        String correlationId = request.exchange().getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        ServerResponse.BodyBuilder response = ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response::header);
        return response.bodyValue(problem);
    }

    private static String clientAddress(ServerRequest request) {
        return request.remoteAddress()
                .map(InetSocketAddress::getAddress)
                .map(InetAddress::getHostAddress)
                .orElse("unknown");
    }
}
