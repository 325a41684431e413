package io.sitework.gateway.devlogin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenRequestTest {

    private static final String NORTH = "0d5e4c1a-5173-4e00-9000-00000000de30";
    private static final DevLoginProperties PROPERTIES = new DevLoginProperties(true, null, Duration.ofHours(8),
            "http://localhost:8080/auth/dev", List.of(
                    new DevLoginProperties.DemoUser("anna.planner", "Anna Planner", Map.of(NORTH, List.of(SiteRole.PLANNER)), false),
                    new DevLoginProperties.DemoUser("olga.admin", "Olga", Map.of(), true)));

    private static DevTokenRequest.Result parse(String body) {
        return DevTokenRequest.parse(body, PROPERTIES);
    }

    @Test
    void aFullRequest() {
        DevTokenRequest.Result result = parse("""
                {"subject":"x@y.z","name":"X","sites":{"%s":["PLANNER","PLANNER","AUDITOR"]},"orgAdmin":true}"""
                .formatted(NORTH.toUpperCase()));

        assertThat(result.valid()).isTrue();
        assertThat(result.grant()).isEqualTo(new DevTokenIssuer.Grant("x@y.z", "X",
                Map.of(NORTH, List.of(SiteRole.PLANNER, SiteRole.AUDITOR)), true));
    }

    @Test
    void aDemoUserAloneGetsItsRolesAndName() {
        assertThat(parse("{\"subject\":\"anna.planner\"}").grant()).isEqualTo(new DevTokenIssuer.Grant("anna.planner",
                "Anna Planner", Map.of(NORTH, List.of(SiteRole.PLANNER)), false));
        assertThat(parse("{\"subject\":\"olga.admin\",\"name\":\"O.\"}").grant()).isEqualTo(
                new DevTokenIssuer.Grant("olga.admin", "O.", Map.of(), true));
    }

    @Test
    void givingSitesOrOrgAdminOverridesTheDemoUser() {
        assertThat(parse("{\"subject\":\"anna.planner\",\"orgAdmin\":false}").grant().sites()).isEmpty();
        assertThat(parse("{\"subject\":\"olga.admin\",\"sites\":{}}").grant().orgAdmin()).isFalse();
    }

    @Test
    void nullsAreAbsentValues() {
        DevTokenRequest.Result result = parse("{\"subject\":\"anna.planner\",\"name\":null,\"sites\":null,\"orgAdmin\":null}");

        assertThat(result.grant().sites()).containsKey(NORTH);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        DevTokenRequest.Result result = parse("""
                {"subject":"no spaces","sites":{"x":["PLANNER"],"%s":["BOSS"]},"orgAdmin":1,"extra":true}""".formatted(NORTH));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(DevTokenRequest.FieldError::field)
                .containsExactlyInAnyOrder("extra", "subject", "sites.x", "sites." + NORTH + "[0]", "orgAdmin");
        assertThat(result.detail()).contains("extra is not a known field", "subject must be");
    }

    @Test
    void theSameSiteTwiceIsRefused() {
        DevTokenRequest.Result result = parse("""
                {"subject":"a","sites":{"%s":["PLANNER"],"%s":["AUDITOR"]}}""".formatted(NORTH, NORTH.toUpperCase()));

        assertThat(result.errors()).extracting(DevTokenRequest.FieldError::field).containsExactly("sites." + NORTH.toUpperCase());
    }

    @Test
    void notAnObject() {
        assertThat(parse("[]").errors()).extracting(DevTokenRequest.FieldError::field).containsExactly("subject");
        assertThat(parse("").valid()).isFalse();
        assertThat(parse("{").detail()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aNameTooLongOrBlankIsRefused() {
        assertThat(parse("{\"subject\":\"a\",\"name\":\"" + "n".repeat(201) + "\"}").errors())
                .extracting(DevTokenRequest.FieldError::field).containsExactly("name");
        assertThat(parse("{\"subject\":\"a\",\"name\":\" \"}").valid()).isFalse();
    }
}
