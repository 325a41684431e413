package io.sitework.context.asset;

import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.command.Asset;
import io.sitework.context.asset.command.TagRegistry;
import io.sitework.support.domain.DomainRuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

class AssetTest {

    /** An in-memory registry with the same contract as the PostgreSQL one. */
    static final class MapTagRegistry implements TagRegistry {
        final Map<String, String> tagOwner = new HashMap<>();
        final Map<String, String> siteOfAsset = new HashMap<>();

        @Override
        public boolean reserve(String siteId, String tag, String assetId) {
            if (tagOwner.putIfAbsent(siteId + "/" + tag.toUpperCase(Locale.ROOT), assetId) != null) {
                return false;
            }
            siteOfAsset.put(assetId, siteId);
            return true;
        }

        @Override
        public Optional<String> siteOf(String assetId) {
            return Optional.ofNullable(siteOfAsset.get(assetId));
        }
    }

    private FixtureConfiguration<Asset> fixture;
    private MapTagRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new MapTagRegistry();
        fixture = new AggregateTestFixture<>(Asset.class);
        fixture.registerInjectableResource(registry);
    }

    @Test
    void registeringAnAssetPutsItInService() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset("a-1", "s-1", null, " P-101 ", " Feed pump ", "PUMP", Criticality.A))
                .expectEvents(new AssetRegistered("a-1", "s-1", null, "P-101", "Feed pump", "PUMP", Criticality.A, AssetStatus.IN_SERVICE));
    }

    @Test
    void tagsAreUniquePerSiteIgnoringCase() {
        registry.reserve("s-1", "P-101", "other");
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset("a-1", "s-1", null, "p-101", "Pump", "PUMP", Criticality.B))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Asset cannot be registered: tag p-101 is already used on this site")
                .expectNoEvents();
    }

    @Test
    void theSameTagMayExistOnAnotherSite() {
        registry.reserve("s-2", "P-101", "other");
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset("a-1", "s-1", null, "P-101", "Pump", "PUMP", Criticality.B))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theParentMustExistOnTheSameSite() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset("a-1", "s-1", "nope", "P-1", "Pump", "PUMP", Criticality.C))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        registry.reserve("s-2", "AREA-1", "area-elsewhere");
        fixture.givenNoPriorActivity()
                .when(new RegisterAsset("a-1", "s-1", "area-elsewhere", "P-1", "Pump", "PUMP", Criticality.C))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Asset cannot be registered: parent area-elsewhere belongs to another site")
                .expectNoEvents();
    }

    @Test
    void malformedRegistrationsAreRefused() {
        fixture.givenNoPriorActivity().when(new RegisterAsset("a-1", "s-1", null, "-bad", "Pump", "PUMP", Criticality.C))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterAsset("a-1", "s-1", null, "P-1", " ", "PUMP", Criticality.C))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterAsset("a-1", "s-1", null, "P-1", "Pump", "pump", Criticality.C))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterAsset("a-1", "s-1", null, "P-1", "Pump", "PUMP", null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterAsset("a-1", null, null, "P-1", "Pump", "PUMP", Criticality.A))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }
}
