package io.sitework.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers the gateway's own failures (no route, backend down or slow) as
 * {@code application/problem+json}. Ordered before Boot's default handler (-1), whose body is
 * not a problem document. Backend responses never reach here: they are relayed as they are.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problemWriter;

    public ProblemExceptionHandler(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? serviceOf(route) : null;
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);

        ProblemDetail problem = GatewayProblems.from(error, service);
        logFailure(exchange, problem, error, correlationId);
        return problemWriter.write(exchange, problem);
    }

    private static String serviceOf(Route route) {
        Object service = route.getMetadata().get("service");
        return service != null ? service.toString() : route.getId();
    }

    private static void logFailure(ServerWebExchange exchange, ProblemDetail problem, Throwable error,
                                   String correlationId) {
        if (problem.getStatus() < 500) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, correlationId)) {
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
            if (problem.getStatus() == 500) {
                log.error("{} failed", request, error);
            } else {
                log.warn("{} answered {}: {}", request, problem.getStatus(), error.toString());
            }
        }
    }
}
