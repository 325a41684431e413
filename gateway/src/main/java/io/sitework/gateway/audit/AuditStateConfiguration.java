package io.sitework.gateway.audit;

import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * {@code GET /api/audit/state}: the one audit question no single service can answer, composed in the gateway
 * from work-service's and context-service's halves (same backends as the routes in application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class AuditStateConfiguration {

    @Bean
    RouterFunction<ServerResponse> auditStateRoute(WebClient.Builder webClients,
                                                   @Value("${SITEWORK_WORK_URL:http://127.0.0.1:8081}") String workUrl,
                                                   @Value("${SITEWORK_CONTEXT_URL:http://127.0.0.1:8082}") String contextUrl,
                                                   @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout:30s}")
                                                   Duration timeout,
                                                   SiteworkRateLimiter rateLimiter) {
        AuditStateHandler handler = new AuditStateHandler(webClients.build(), workUrl, contextUrl, timeout, rateLimiter);
        return route().GET("/api/audit/state", handler::state).build();
    }
}
