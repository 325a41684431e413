package io.sitework.gateway.portal;

import io.sitework.gateway.devlogin.DevLoginProperties;
import io.sitework.gateway.security.OidcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The portal: its files at {@code /} (index.html for every client-side route, never for the API, the login
 * or the actuator) and {@code GET /auth/config}, which tells it how to log people in. Both are public: the
 * files hold no data, and every API call still needs a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class PortalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PortalConfiguration.class);

    @Bean
    PortalFiles portalFiles(PortalProperties properties, ResourceLoader resources) {
        PortalFiles files = new PortalFiles(properties.location(), resources);
        if (files.built()) {
            log.info("Serving the portal from {}", properties.location());
        } else {
            log.warn("The portal was not built (no index.html in {}): http://localhost:<port>/ shows how to build it. "
                    + "The API works regardless.", properties.location());
        }
        return files;
    }

    @Bean
    RouterFunction<ServerResponse> portalRoutes(PortalFiles files, PortalProperties portal, DevLoginProperties devLogin,
                                                OidcProperties oidc) {
        AuthConfigHandler authConfig = new AuthConfigHandler(portal, devLogin, oidc);
        RequestPredicate portalPath = request -> PortalFiles.isPortalPath(request.path());
        return route()
                .GET("/auth/config", authConfig::config)
                .route(method(HttpMethod.GET).or(method(HttpMethod.HEAD)).and(portalPath), files::serve)
                .build();
    }
}
