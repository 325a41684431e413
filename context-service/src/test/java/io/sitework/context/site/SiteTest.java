package io.sitework.context.site;

import io.sitework.context.asset.InMemoryAssetRegistry;
import io.sitework.context.site.api.SiteCommands.RegisterSite;
import io.sitework.context.site.api.SiteEvents.SiteRegistered;
import io.sitework.context.site.command.Site;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SiteTest {

    private FixtureConfiguration<Site> fixture;
    private InMemoryAssetRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryAssetRegistry();
        fixture = new AggregateTestFixture<>(Site.class);
        fixture.registerInjectableResource(registry);
    }

    @Test
    void aSiteIsRegisteredWithItsCodeNameAndTimeZone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "NORTH", " North plant ", "Europe/Paris"))
                .expectEvents(new SiteRegistered("s-1", "NORTH", "North plant", "Europe/Paris"));
        assertThat(registry.exists("s-1")).isTrue();
    }

    @Test
    void aCodeIsUniqueAcrossTheOrganisation() {
        registry.reserve("s-0", "NORTH");
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "NORTH", "Another north", "UTC"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Site cannot be registered: code NORTH is already used by another site")
                .expectException(Matchers.predicate(e -> ((DomainRuleViolation) e).code().equals("site.code-taken")))
                .expectNoEvents();
        assertThat(registry.exists("s-1")).isFalse();
    }

    @Test
    void anIdIsTakenOnce() {
        registry.reserve("s-1", "SOUTH");
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "NORTH", "North", "UTC"))
                .expectException(Matchers.predicate(e -> ((DomainRuleViolation) e).code().equals("site.id-taken")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "CET+1", "Europe/Atlantis", "", "GMT+1"})
    void theTimeZoneMustBeAnIanaZone(String zone) {
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "NORTH", "North", zone))
                .expectException(InvalidValueException.class)
                .expectException(Matchers.predicate(e -> ((InvalidValueException) e).field().equals("timeZone")))
                .expectNoEvents();
        assertThat(registry.exists("s-1")).as("nothing reserved").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"north", "-NORTH", "NO RTH", "NORTH_1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void theCodeIsUpperCaseLettersDigitsAndDashes(String code) {
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", code, "North", "UTC"))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("code")))
                .expectNoEvents();
    }

    @Test
    void aNameIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "N-2", "  ", "UTC"))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("name")))
                .expectNoEvents();
    }

    @Test
    void codesWithDigitsAndDashesAreFine() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSite("s-1", "PLANT-7", "Plant 7", "America/New_York"))
                .expectSuccessfulHandlerExecution();
    }
}
