package io.sitework.gateway.devlogin;

import io.sitework.gateway.ratelimit.RateLimitProperties;
import io.sitework.gateway.security.CorsProperties;
import io.sitework.gateway.security.OidcProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped application.yml, read as production reads it: no environment variable set. */
class DevLoginPropertiesTest {

    private static final String NORTH = "0d5e4c1a-5173-4e00-9000-00000000de30";
    private static final String SOUTH = "0d5e4c1a-5173-4e00-9000-00000000de31";

    private static Binder shippedConfiguration(Map<String, Object> overrides) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        return Binder.get(environment);
    }

    @Test
    void productionConfigurationNeverEnablesTheDevLogin() throws IOException {
        DevLoginProperties properties = shippedConfiguration(Map.of())
                .bind("sitework.dev-login", DevLoginProperties.class).get();

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.keyFile()).isNull();
        assertThat(properties.tokenTtl()).isEqualTo(Duration.ofHours(8));
        assertThat(properties.issuer()).isEqualTo("http://localhost:8080/auth/dev");
    }

    @Test
    void theIssuerFollowsTheGatewayPortOrTheConfiguredIssuer() throws IOException {
        assertThat(shippedConfiguration(Map.of("SITEWORK_GATEWAY_PORT", "9000"))
                .bind("sitework.dev-login", DevLoginProperties.class).get().issuer())
                .isEqualTo("http://localhost:9000/auth/dev");
        assertThat(shippedConfiguration(Map.of("SITEWORK_OIDC_ISSUER", "http://localhost:8088/auth/dev"))
                .bind("sitework.dev-login", DevLoginProperties.class).get().issuer())
                .isEqualTo("http://localhost:8088/auth/dev");
    }

    @Test
    void theDemoUsersCoverEveryRoleOnTwoSites() throws IOException {
        DevLoginProperties properties = shippedConfiguration(Map.of("SITEWORK_DEV_LOGIN_ENABLED", "true"))
                .bind("sitework.dev-login", DevLoginProperties.class).get();

        assertThat(properties.enabled()).isTrue();
        Map<String, DevLoginProperties.DemoUser> users = new LinkedHashMap<>();
        properties.demoUsers().forEach(user -> users.put(user.subject(), user));
        assertThat(users.keySet()).containsExactly("anna.planner", "bruno.tech", "carla.supervisor", "rita.requester",
                "paul.permits", "cora.contractor", "audrey.auditor", "sam.siteadmin", "tom.south", "olga.admin");
        assertThat(users.values()).allSatisfy(user -> assertThat(user.name()).isNotBlank());
        assertThat(users.get("anna.planner").sites()).isEqualTo(Map.of(NORTH, List.of(SiteRole.PLANNER)));
        assertThat(users.get("audrey.auditor").sites()).isEqualTo(Map.of(NORTH, List.of(SiteRole.AUDITOR),
                SOUTH, List.of(SiteRole.AUDITOR)));
        assertThat(users.get("tom.south").sites()).isEqualTo(Map.of(SOUTH, List.of(SiteRole.TECHNICIAN)));
        assertThat(users.get("olga.admin").orgAdmin()).isTrue();
        assertThat(users.values()).filteredOn(DevLoginProperties.DemoUser::orgAdmin).hasSize(1);
        Set<SiteRole> roles = new HashSet<>();
        users.values().forEach(user -> user.sites().values().forEach(roles::addAll));
        assertThat(roles).isEqualTo(EnumSet.allOf(SiteRole.class));
    }

    @Test
    void theOtherDefaults() throws IOException {
        Binder binder = shippedConfiguration(Map.of());

        OidcProperties oidc = binder.bind("sitework.oidc", OidcProperties.class).get();
        assertThat(oidc.configured()).isFalse();
        assertThat(oidc.audience()).isEqualTo("sitework");
        assertThat(oidc.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(oidc.userClaim()).isEqualTo("sub");
        RateLimitProperties rateLimit = binder.bind("sitework.rate-limit", RateLimitProperties.class).get();
        assertThat(rateLimit.replenishRate()).isEqualTo(20);
        assertThat(rateLimit.burstCapacity()).isEqualTo(40);
        assertThat(rateLimit.store()).isEqualTo(RateLimitProperties.Store.AUTO);
        assertThat(rateLimit.redisUrl()).isNull();
        assertThat(binder.bind("sitework.max-body-size", DataSize.class).get()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(binder.bind("sitework.cors", CorsProperties.class).get().origins()).containsExactly("http://localhost:8080");
        assertThat(binder.bind("management.health.redis.enabled", Boolean.class).get()).isFalse();
    }

    @Test
    void environmentVariablesOverrideTheDefaults() throws IOException {
        Binder binder = shippedConfiguration(Map.of(
                "SITEWORK_OIDC_ISSUER", "https://idp/realms/x", "SITEWORK_OIDC_JWK_SET_URI", "https://idp/certs",
                "SITEWORK_OIDC_AUDIENCE", "plant-7", "SITEWORK_RATE_LIMIT_REPLENISH_RATE", "5",
                "SITEWORK_RATE_LIMIT_BURST_CAPACITY", "10", "SITEWORK_MAX_BODY_SIZE", "256KB",
                "SITEWORK_PORTAL_ORIGIN", "https://sitework.example.com/", "SITEWORK_DEV_LOGIN_TOKEN_TTL", "PT1H",
                "SITEWORK_OIDC_USER_CLAIM", "preferred_username"));

        OidcProperties oidc = binder.bind("sitework.oidc", OidcProperties.class).get();
        assertThat(oidc).isEqualTo(new OidcProperties("https://idp/realms/x", "https://idp/certs", "plant-7",
                Duration.ofSeconds(30), "preferred_username"));
        RateLimitProperties rateLimit = binder.bind("sitework.rate-limit", RateLimitProperties.class).get();
        assertThat(rateLimit.replenishRate()).isEqualTo(5);
        assertThat(rateLimit.burstCapacity()).isEqualTo(10);
        assertThat(binder.bind("sitework.max-body-size", DataSize.class).get()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(binder.bind("sitework.cors", CorsProperties.class).get().origins())
                .containsExactly("https://sitework.example.com");
        assertThat(binder.bind("sitework.dev-login", DevLoginProperties.class).get().tokenTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badDemoUsersStopTheStart() {
        assertThatThrownBy(() -> new DevLoginProperties(true, null, null, "http://i", List.of(
                new DevLoginProperties.DemoUser("a b", "A", Map.of(), false),
                new DevLoginProperties.DemoUser("x", "X", Map.of("north", List.of(SiteRole.PLANNER)), false),
                new DevLoginProperties.DemoUser("x", "X", Map.of(NORTH, List.of()), false))))
                .hasMessageContaining("'a b'")
                .hasMessageContaining("'north' is not a UUID")
                .hasMessageContaining("x is listed twice");
    }

    @Test
    void aTtlMustBeSensible() {
        assertThatThrownBy(() -> new DevLoginProperties(true, null, Duration.ZERO, "http://i", List.of()))
                .hasMessageContaining("token-ttl");
        assertThatThrownBy(() -> new DevLoginProperties(true, null, Duration.ofDays(31), "http://i", List.of()))
                .hasMessageContaining("token-ttl");
        // not checked while the dev login is off
        assertThat(new DevLoginProperties(false, null, Duration.ZERO, null, List.of()).enabled()).isFalse();
    }
}
