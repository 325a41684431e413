package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherArgsTest {

    private static final Installation INSTALLATION = new Installation(Path.of("/opt/sitework"));

    @Test
    void withoutArgumentsStartsTheDemoOnTheUsualPortInDotSitework() {
        LauncherArgs args = LauncherArgs.parse();

        assertThat(args).isEqualTo(new LauncherArgs(false, true, false, Path.of(".sitework"), 8080, "127.0.0.1"));
    }

    @Test
    void readsEveryOptionInTheEqualsForm() {
        LauncherArgs args = LauncherArgs.parse("--no-demo", "--fresh", "--data-dir=/tmp/sw", "--gateway-port=9080",
                "--gateway-address=0.0.0.0");

        assertThat(args.demo()).isFalse();
        assertThat(args.fresh()).isTrue();
        assertThat(args.dataDir()).isEqualTo(Path.of("/tmp/sw"));
        assertThat(args.gatewayPort()).isEqualTo(9080);
        assertThat(args.gatewayAddress()).isEqualTo("0.0.0.0");
        assertThat(args.help()).isFalse();
    }

    @Test
    void readsValuesGivenAsTheNextArgument() {
        LauncherArgs args = LauncherArgs.parse("--data-dir", "data", "--gateway-port", "18080");

        assertThat(args.dataDir()).isEqualTo(Path.of("data"));
        assertThat(args.gatewayPort()).isEqualTo(18080);
    }

    @Test
    void recognisesHelpInBothSpellings() {
        assertThat(LauncherArgs.parse("--help").help()).isTrue();
        assertThat(LauncherArgs.parse("-h").help()).isTrue();
        assertThat(LauncherArgs.HELP).contains("--no-demo", "--fresh", "--data-dir", "--gateway-port",
                "SITEWORK_POSTGRES_URL", "SITEWORK_MONGO_URI", "SITEWORK_JAVA_OPTS");
    }

    @Test
    void refusesAnUnknownArgumentNamingIt() {
        assertThatThrownBy(() -> LauncherArgs.parse("--demo-data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown argument: --demo-data");
        assertThatThrownBy(() -> LauncherArgs.parse("start"))
                .hasMessage("Unknown argument: start");
    }

    @Test
    void refusesAPortThatIsNotOne() {
        assertThatThrownBy(() -> LauncherArgs.parse("--gateway-port=http"))
                .hasMessageContaining("--gateway-port must be a port number").hasMessageContaining("\"http\"");
        assertThatThrownBy(() -> LauncherArgs.parse("--gateway-port=0")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> LauncherArgs.parse("--gateway-port=70000")).hasMessageContaining("between 1 and 65535");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> LauncherArgs.parse("--data-dir"))
                .hasMessageStartingWith("--data-dir needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("--gateway-port", "--fresh"))
                .hasMessageStartingWith("--gateway-port needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("--data-dir=")).hasMessageContaining("must not be empty");
    }

    @Test
    void refusesAValueOnAFlag() {
        assertThatThrownBy(() -> LauncherArgs.parse("--fresh=yes")).hasMessage("--fresh takes no value");
    }

    @Test
    void mapsToAPlatformOnTheUsualPortsWithTheUsualDatabases() {
        PlatformConfig config = LauncherArgs.parse("--data-dir=/tmp/sw", "--no-demo")
                .toConfig(INSTALLATION, Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/sw"));
        assertThat(config.logDir()).isEqualTo(Path.of("/tmp/sw/logs"));
        assertThat(config.installation()).isEqualTo(INSTALLATION);
        assertThat(config.demo()).isFalse();
        assertThat(config.fresh()).isFalse();
        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.managementPort()).isEqualTo(8090);
        assertThat(List.of(config.workPort(), config.contextPort(), config.notificationPort())).containsExactly(8081, 8082, 8083);
        assertThat(List.of(config.kafkaPort(), config.kafkaControllerPort(), config.mongoPort())).containsExactly(9092, 9093, 27017);
        assertThat(config.workDatabase()).isEqualTo("sitework_work");
        assertThat(config.contextDatabase()).isEqualTo("sitework_context");
        assertThat(config.notificationDatabase()).isEqualTo("sitework_notification");
        assertThat(config.persistentMongo()).isTrue();
        assertThat(config.postgresUrl()).isNull();
        assertThat(config.mongoUri()).isNull();
        assertThat(config.javaOpts()).containsExactly("-XX:+UseSerialGC", "-Xss512k", "-Xmx384m",
                "-Daxoniq.update-checker.disabled=true");
    }

    @Test
    void aRelativeDataDirIsResolvedAgainstTheWorkingDirectory() {
        PlatformConfig config = LauncherArgs.parse().toConfig(INSTALLATION, Map.of());

        assertThat(config.dataDir()).isAbsolute().isEqualTo(Path.of(".sitework").toAbsolutePath().normalize());
    }

    @Test
    void takesTheServersAndJvmOptionsFromTheEnvironment() {
        PlatformConfig config = LauncherArgs.parse().toConfig(INSTALLATION, Map.of(
                "SITEWORK_POSTGRES_URL", "jdbc:postgresql://db:5433",
                "SITEWORK_POSTGRES_USER", "sitework",
                "SITEWORK_POSTGRES_PASSWORD", "secret",
                "SITEWORK_MONGO_URI", "mongodb://mongo:27017",
                "SITEWORK_JAVA_OPTS", "  -Xmx1g   -XX:+UseG1GC "));

        assertThat(config.postgresUrl()).isEqualTo("jdbc:postgresql://db:5433");
        assertThat(config.postgresUser()).isEqualTo("sitework");
        assertThat(config.postgresPassword()).isEqualTo("secret");
        assertThat(config.mongoUri()).isEqualTo("mongodb://mongo:27017");
        assertThat(config.javaOpts()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        PlatformConfig config = LauncherArgs.parse().toConfig(INSTALLATION, Map.of(
                "SITEWORK_POSTGRES_URL", " ", "SITEWORK_MONGO_URI", "", "SITEWORK_JAVA_OPTS", "  "));

        assertThat(config.postgresUrl()).isNull();
        assertThat(config.mongoUri()).isNull();
        assertThat(config.javaOpts()).isEqualTo(PlatformConfig.DEFAULT_JAVA_OPTS);
    }

    @Test
    void withoutAnIssuerTheDevLoginLogsPeopleIn() {
        assertThat(LauncherArgs.parse().toConfig(INSTALLATION, Map.of()).oidc()).isNull();
        assertThat(LauncherArgs.parse().toConfig(INSTALLATION, Map.of("SITEWORK_OIDC_ISSUER", "  ")).oidc()).isNull();
    }

    @Test
    void anIssuerInTheEnvironmentNamesTheOidcProviderWithTheDemoRealmsDefaults() {
        PlatformConfig.Oidc oidc = LauncherArgs.parse().toConfig(INSTALLATION, Map.of(
                "SITEWORK_OIDC_ISSUER", "http://localhost:8180/realms/sitework")).oidc();

        assertThat(oidc).isEqualTo(new PlatformConfig.Oidc("http://localhost:8180/realms/sitework", "sitework", "sub",
                "sitework-demo", "demo"));
        assertThat(LauncherArgs.parse().toConfig(INSTALLATION, Map.of(
                "SITEWORK_OIDC_ISSUER", "https://login.example.com",
                "SITEWORK_PORTAL_OIDC_CLIENT_ID", "plant-portal",
                "SITEWORK_OIDC_USER_CLAIM", "preferred_username",
                "SITEWORK_SEED_CLIENT_ID", "seeder",
                "SITEWORK_SEED_PASSWORD", "s3cret")).oidc())
                .isEqualTo(new PlatformConfig.Oidc("https://login.example.com", "plant-portal", "preferred_username", "seeder", "s3cret"));
    }

    @Test
    void anIssuerThatIsNoUrlIsRefusedNamingIt() {
        assertThatThrownBy(() -> LauncherArgs.parse().toConfig(INSTALLATION, Map.of("SITEWORK_OIDC_ISSUER", "keycloak")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"keycloak\"");
    }
}
