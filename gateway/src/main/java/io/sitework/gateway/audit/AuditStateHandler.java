package io.sitework.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitework.gateway.config.CorrelationIdFilter;
import io.sitework.gateway.config.GatewayProblems;
import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;

/**
 * Asks work-service and context-service for their half of a site's state as of an instant, in parallel and
 * with the caller's own token (each service checks it and the caller's roles again), and answers
 * {@code {siteId, asOf, work, context}}. A refusal by either (4xx) reaches the caller unchanged, so bad
 * parameters and missing permissions read exactly as the services word them; a backend that fails or cannot
 * be reached is the gateway's own 502/503/504 problem naming it.
 */
final class AuditStateHandler {

    private final WebClient client;
    private final String workUrl;
    private final String contextUrl;
    private final Duration timeout;
    private final SiteworkRateLimiter rateLimiter;

    AuditStateHandler(WebClient client, String workUrl, String contextUrl, Duration timeout, SiteworkRateLimiter rateLimiter) {
        this.client = client;
        this.workUrl = workUrl;
        this.contextUrl = contextUrl;
        this.timeout = timeout;
        this.rateLimiter = rateLimiter;
    }

    /** One backend's answer: its JSON body, or the response to give the caller instead. */
    private record Half(JsonNode body, Mono<ServerResponse> failure) {
    }

    Mono<ServerResponse> state(ServerRequest request) {
        return request.principal().map(Principal::getName).defaultIfEmpty("")
                .flatMap(user -> rateLimiter.check(SiteworkRateLimiter.API_SCOPE, "user:" + user))
                .flatMap(verdict -> verdict.allowed() ? compose(request) : tooManyRequests(request, verdict.retryAfterSeconds()));
    }

    private Mono<ServerResponse> compose(ServerRequest request) {
        Mono<Half> work = ask(request, workUrl, "/api/audit/state/work", "work-service");
        Mono<Half> context = ask(request, contextUrl, "/api/audit/state/context", "context-service");
        return Mono.zip(work, context).flatMap(halves -> {
            // work-service's refusal first: both check the same parameters and permission, and word them alike
            if (halves.getT1().failure() != null) {
                return halves.getT1().failure();
            }
            if (halves.getT2().failure() != null) {
                return halves.getT2().failure();
            }
            JsonNode workState = halves.getT1().body();
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.set("siteId", workState.get("siteId"));
            answer.set("asOf", workState.get("asOf"));
            answer.set("work", without(workState));
            answer.set("context", without(halves.getT2().body()));
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(answer);
        });
    }

    private static JsonNode without(JsonNode half) {
        ObjectNode copy = ((ObjectNode) half).deepCopy();
        copy.remove("siteId");
        copy.remove("asOf");
        return copy;
    }

    private Mono<Half> ask(ServerRequest request, String baseUrl, String path, String service) {
        String uri = UriComponentsBuilder.fromUriString(baseUrl).path(path).query(request.uri().getRawQuery()).build(true).toUriString();
        String correlationId = request.exchange().getAttribute(CorrelationIdFilter.ATTRIBUTE);
        return client.get().uri(URI.create(uri))
                .headers(headers -> {
                    String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    if (correlationId != null) {
                        headers.set(CorrelationIdFilter.HEADER, correlationId);
                    }
                })
                .exchangeToMono(response -> {
                    HttpStatusCode status = response.statusCode();
                    if (status.is2xxSuccessful()) {
                        return response.bodyToMono(JsonNode.class).map(body -> new Half(body, null));
                    }
                    if (status.is4xxClientError()) {
                        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(body -> new Half(null,
                                ServerResponse.status(status)
                                        .headers(h -> response.headers().contentType().ifPresent(h::setContentType))
                                        .bodyValue(body)));
                    }
                    return response.releaseBody().thenReturn(new Half(null, problem(request, HttpStatus.BAD_GATEWAY, service)));
                })
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(new Half(null, problem(request, GatewayProblems.from(error, service)))));
    }

    private Mono<ServerResponse> problem(ServerRequest request, HttpStatusCode status, String service) {
        return problem(request, GatewayProblems.forStatus(status, service));
    }

    private Mono<ServerResponse> problem(ServerRequest request, ProblemDetail problem) {
        return problemResponse(request, problem).bodyValue(problem);
    }

    private Mono<ServerResponse> tooManyRequests(ServerRequest request, long retryAfterSeconds) {
        ProblemDetail problem = GatewayProblems.tooManyRequests(retryAfterSeconds);
        return problemResponse(request, problem).header(SiteworkRateLimiter.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .bodyValue(problem);
    }

    private static ServerResponse.BodyBuilder problemResponse(ServerRequest request, ProblemDetail problem) {
        String correlationId = request.exchange().getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
