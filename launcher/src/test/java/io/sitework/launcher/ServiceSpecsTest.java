package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceSpecsTest {

    private static final ServiceSpecs.Infrastructure INFRA = new ServiceSpecs.Infrastructure("127.0.0.1:9092",
            "postgres", "pw",
            "jdbc:postgresql://127.0.0.1:5432/sitework_work", "jdbc:postgresql://127.0.0.1:5432/sitework_context",
            "mongodb://127.0.0.1:27017/sitework_work", "mongodb://127.0.0.1:27017/sitework_context",
            "mongodb://127.0.0.1:27017/sitework_notification", false);
    private static final ServiceSpecs.Ports PORTS = new ServiceSpecs.Ports(8080, 8090, 8081, 8082, 8083);
    private static final ServiceSpecs.Login LOGIN = ServiceSpecs.Login.embedded(
            new DataDirectory(Path.of("/srv/sitework/data")), "127.0.0.1", 8080);

    private static final Map<String, String> COMMON = Map.of(
            "SITEWORK_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
            "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
            "SERVER_ADDRESS", "127.0.0.1");

    @Test
    void theThreeServicesStartInTheOrderWorkContextNotification() {
        assertThat(ServiceSpecs.services(INFRA, PORTS, LOGIN)).extracting(ServiceSpec::module)
                .containsExactly("work-service", "context-service", "notification-service");
    }

    @Test
    void workServiceGetsItsPortEventStoreAndReadModelDatabase() {
        ServiceSpec work = ServiceSpecs.services(INFRA, PORTS, LOGIN).get(0);

        assertThat(work.port()).isEqualTo(8081);
        assertThat(work.healthUri()).isEqualTo(URI.create("http://127.0.0.1:8081/actuator/health"));
        assertThat(work.environment()).containsAllEntriesOf(COMMON).containsAllEntriesOf(Map.of(
                "SITEWORK_WORK_PORT", "8081",
                "SITEWORK_WORK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/sitework_work",
                "SITEWORK_DB_USER", "postgres",
                "SITEWORK_DB_PASSWORD", "pw",
                "SITEWORK_WORK_MONGO_URI", "mongodb://127.0.0.1:27017/sitework_work"));
    }

    @Test
    void contextServiceGetsItsOwnDatabases() {
        ServiceSpec context = ServiceSpecs.services(INFRA, PORTS, LOGIN).get(1);

        assertThat(context.healthUri()).isEqualTo(URI.create("http://127.0.0.1:8082/actuator/health"));
        assertThat(context.environment()).containsAllEntriesOf(COMMON).containsAllEntriesOf(Map.of(
                "SITEWORK_CONTEXT_PORT", "8082",
                "SITEWORK_CONTEXT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/sitework_context",
                "SITEWORK_DB_USER", "postgres",
                "SITEWORK_DB_PASSWORD", "pw",
                "SITEWORK_CONTEXT_MONGO_URI", "mongodb://127.0.0.1:27017/sitework_context"))
                .doesNotContainKeys("SITEWORK_WORK_DB_URL", "SITEWORK_WORK_MONGO_URI");
    }

    @Test
    void notificationServiceGetsMongoButNoPostgres() {
        ServiceSpec notification = ServiceSpecs.services(INFRA, PORTS, LOGIN).get(2);

        assertThat(notification.environment()).containsAllEntriesOf(COMMON).containsAllEntriesOf(Map.of(
                "SITEWORK_NOTIFICATION_PORT", "8083",
                "SITEWORK_NOTIFICATION_MONGO_URI", "mongodb://127.0.0.1:27017/sitework_notification"))
                .doesNotContainKeys("SITEWORK_DB_USER", "SITEWORK_DB_PASSWORD");
    }

    @Test
    void theGatewayKnowsWhereEachServiceIs() {
        ServiceSpec gateway = ServiceSpecs.gateway(INFRA, PORTS, "127.0.0.1", LOGIN);

        assertThat(gateway.module()).isEqualTo("gateway");
        assertThat(gateway.port()).isEqualTo(8080);
        assertThat(gateway.healthUri()).isEqualTo(URI.create("http://127.0.0.1:8080/actuator/health"));
        assertThat(gateway.environment()).containsAllEntriesOf(COMMON).containsAllEntriesOf(Map.of(
                "SITEWORK_GATEWAY_PORT", "8080",
                "SITEWORK_GATEWAY_MANAGEMENT_PORT", "8090",
                "SITEWORK_WORK_URL", "http://127.0.0.1:8081",
                "SITEWORK_CONTEXT_URL", "http://127.0.0.1:8082",
                "SITEWORK_NOTIFICATION_URL", "http://127.0.0.1:8083"));
    }

    @Test
    void aGatewayOnAllInterfacesIsCheckedOnLoopbackAndItsManagementPortStaysLocal() {
        ServiceSpec gateway = ServiceSpecs.gateway(INFRA, PORTS, "0.0.0.0", LOGIN);

        assertThat(gateway.environment()).containsEntry("SERVER_ADDRESS", "0.0.0.0")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        assertThat(gateway.healthUri()).isEqualTo(URI.create("http://127.0.0.1:8080/actuator/health"));
    }

    @Test
    void aGatewayOnOneAddressIsCheckedThere() {
        assertThat(ServiceSpecs.gateway(INFRA, PORTS, "10.1.2.3", LOGIN).healthUri())
                .isEqualTo(URI.create("http://10.1.2.3:8080/actuator/health"));
        assertThat(ServiceSpecs.gateway(INFRA, PORTS, "fd00::1", LOGIN).healthUri())
                .isEqualTo(URI.create("http://[fd00::1]:8080/actuator/health"));
    }

    @Test
    void thePrintedUrlIsLocalhostUnlessTheGatewayListensOnOneOtherAddress() {
        assertThat(ServiceSpecs.publicUrl("127.0.0.1", 8080)).isEqualTo(URI.create("http://localhost:8080/"));
        assertThat(ServiceSpecs.publicUrl("0.0.0.0", 8088)).isEqualTo(URI.create("http://localhost:8088/"));
        assertThat(ServiceSpecs.publicUrl("::1", 8080)).isEqualTo(URI.create("http://localhost:8080/"));
        assertThat(ServiceSpecs.publicUrl("10.1.2.3", 8080)).isEqualTo(URI.create("http://10.1.2.3:8080/"));
    }

    @Test
    void notificationServiceSendsEmailToTheMailSinkAndLinksToThePortal() {
        ServiceSpecs.Infrastructure withMail = new ServiceSpecs.Infrastructure(INFRA.kafkaBootstrap(), INFRA.dbUser(),
                INFRA.dbPassword(), INFRA.workDbUrl(), INFRA.contextDbUrl(), INFRA.workMongoUri(), INFRA.contextMongoUri(),
                INFRA.notificationMongoUri(), false, "127.0.0.1", 2525);

        List<ServiceSpec> services = ServiceSpecs.services(withMail, PORTS, LOGIN);

        assertThat(services.get(2).environment()).containsAllEntriesOf(Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", "2525",
                "SITEWORK_NOTIFICATION_PORTAL_URL", "http://localhost:8080"));
        assertThat(services.subList(0, 2)).allSatisfy(service -> assertThat(service.environment()).doesNotContainKey("SPRING_MAIL_HOST"));
        assertThat(ServiceSpecs.services(INFRA, PORTS, LOGIN).get(2).environment())
                .as("without a mail sink, no SMTP host: the service logs e-mail").doesNotContainKey("SPRING_MAIL_HOST");
    }

    @Test
    void withTheInProcessMongoEndpointTheServicesLeaveMongoOutOfTheirHealth() {
        ServiceSpecs.Infrastructure inProcess = new ServiceSpecs.Infrastructure(INFRA.kafkaBootstrap(), INFRA.dbUser(),
                INFRA.dbPassword(), INFRA.workDbUrl(), INFRA.contextDbUrl(), INFRA.workMongoUri(), INFRA.contextMongoUri(),
                INFRA.notificationMongoUri(), true);

        assertThat(ServiceSpecs.services(inProcess, PORTS, LOGIN)).allSatisfy(service ->
                assertThat(service.environment()).containsEntry("MANAGEMENT_HEALTH_MONGO_ENABLED", "false"));
        assertThat(ServiceSpecs.services(INFRA, PORTS, LOGIN)).allSatisfy(service ->
                assertThat(service.environment()).doesNotContainKey("MANAGEMENT_HEALTH_MONGO_ENABLED"));
        assertThat(ServiceSpecs.gateway(inProcess, PORTS, "127.0.0.1", LOGIN).environment())
                .doesNotContainKey("MANAGEMENT_HEALTH_MONGO_ENABLED");
    }

    @Test
    void noServiceIsToldAnotherServicesDatabase() {
        List<ServiceSpec> services = ServiceSpecs.services(INFRA, PORTS, LOGIN);

        assertThat(services.get(0).environment().values()).noneMatch(v -> v.endsWith("sitework_context"));
        assertThat(services.get(1).environment().values()).noneMatch(v -> v.endsWith("sitework_work"));
    }

    @Test
    void theEmbeddedLoginIsTheGatewaysDevLogin() {
        assertThat(LOGIN).isEqualTo(new ServiceSpecs.Login("http://localhost:8080/auth/dev",
                "http://127.0.0.1:8080/auth/dev/jwks", Path.of("/srv/sitework/data/dev-login/jwk.json"), "sub", null));
        ServiceSpecs.Login onAllInterfaces = ServiceSpecs.Login.embedded(new DataDirectory(Path.of("/d")), "0.0.0.0", 8088);
        assertThat(onAllInterfaces.issuer()).isEqualTo("http://localhost:8088/auth/dev");
        assertThat(onAllInterfaces.jwkSetUri()).isEqualTo("http://127.0.0.1:8088/auth/dev/jwks");
        assertThat(ServiceSpecs.Login.embedded(new DataDirectory(Path.of("/d")), "10.1.2.3", 8080).jwkSetUri())
                .as("a gateway on one address is reached there").isEqualTo("http://10.1.2.3:8080/auth/dev/jwks");
    }

    @Test
    void theGatewayIssuesTheTokensWithItsDevLoginAndAKeyInTheDataDirectory() {
        assertThat(ServiceSpecs.gateway(INFRA, PORTS, "127.0.0.1", LOGIN).environment()).containsAllEntriesOf(Map.of(
                "SITEWORK_DEV_LOGIN_ENABLED", "true",
                "SITEWORK_DEV_LOGIN_KEY_FILE", "/srv/sitework/data/dev-login/jwk.json",
                "SITEWORK_OIDC_ISSUER", "http://localhost:8080/auth/dev",
                "SITEWORK_PORTAL_ORIGIN", "http://localhost:8080"))
                .doesNotContainKey("SITEWORK_OIDC_JWK_SET_URI");
    }

    @Test
    void withAnOidcProviderTheDevLoginIsOffAndEveryProcessTrustsTheProvidersKeys() {
        ServiceSpecs.Login keycloak = ServiceSpecs.Login.external(new OidcProvider("http://localhost:8180/realms/sitework",
                "sitework", "preferred_username",
                URI.create("http://localhost:8180/realms/sitework/protocol/openid-connect/certs"),
                URI.create("http://localhost:8180/realms/sitework/protocol/openid-connect/token")));

        assertThat(ServiceSpecs.gateway(INFRA, PORTS, "127.0.0.1", keycloak).environment()).containsAllEntriesOf(Map.of(
                "SITEWORK_DEV_LOGIN_ENABLED", "false",
                "SITEWORK_OIDC_ISSUER", "http://localhost:8180/realms/sitework",
                "SITEWORK_OIDC_JWK_SET_URI", "http://localhost:8180/realms/sitework/protocol/openid-connect/certs",
                "SITEWORK_OIDC_USER_CLAIM", "preferred_username",
                "SITEWORK_PORTAL_OIDC_CLIENT_ID", "sitework"))
                .doesNotContainKey("SITEWORK_DEV_LOGIN_KEY_FILE");
        assertThat(ServiceSpecs.services(INFRA, PORTS, keycloak)).allSatisfy(service -> assertThat(service.environment())
                .containsEntry("SITEWORK_OIDC_ISSUER", "http://localhost:8180/realms/sitework")
                .containsEntry("SITEWORK_OIDC_JWK_SET_URI", "http://localhost:8180/realms/sitework/protocol/openid-connect/certs")
                .containsEntry("SITEWORK_OIDC_USER_CLAIM", "preferred_username"));
    }

    @Test
    void everyServiceTrustsTheGatewaysKeySetButCannotIssueTokens() {
        assertThat(ServiceSpecs.services(INFRA, PORTS, LOGIN)).allSatisfy(service -> assertThat(service.environment())
                .containsEntry("SITEWORK_OIDC_ISSUER", "http://localhost:8080/auth/dev")
                .containsEntry("SITEWORK_OIDC_JWK_SET_URI", "http://127.0.0.1:8080/auth/dev/jwks")
                .doesNotContainKeys("SITEWORK_DEV_LOGIN_ENABLED", "SITEWORK_DEV_LOGIN_KEY_FILE"));
    }
}
