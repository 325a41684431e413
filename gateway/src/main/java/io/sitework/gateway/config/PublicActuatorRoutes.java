package io.sitework.gateway.config;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.ReactiveHealthEndpointWebExtension;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.Map;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The actuator lives on the management port; on the public port only a bare health status
 * (for load balancers) and the info document are answered. Every other {@code /actuator/**}
 * path there is an ordinary 404.
 */
@Configuration(proxyBeanMethods = false)
public class PublicActuatorRoutes {

    @Bean
    RouterFunction<ServerResponse> publicActuator(ReactiveHealthEndpointWebExtension health, InfoEndpoint info) {
        return route()
                .GET("/actuator/health", request -> health
                        .health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)
                        // Status only: component details stay on the management port.
                        .flatMap(result -> ServerResponse.status(result.getStatus())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("status", result.getBody().getStatus().getCode()))))
                .GET("/actuator/info", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(info.info()))
                .build();
    }
}
