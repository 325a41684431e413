package io.sitework.context.asset;

import io.sitework.context.asset.api.AssetCommands.ApplyIsolation;
import io.sitework.context.asset.api.AssetCommands.ChangeAssetStatus;
import io.sitework.context.asset.api.AssetCommands.MoveAsset;
import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetCommands.RemoveIsolation;
import io.sitework.context.asset.api.AssetEvents.AssetIsolationAdded;
import io.sitework.context.asset.api.AssetEvents.AssetIsolationRemoved;
import io.sitework.context.asset.api.AssetEvents.AssetMoved;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetEvents.AssetStatusChanged;
import io.sitework.context.asset.api.AssetEvents.UnderlyingStatusChanged;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.command.Asset;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.sitework.context.asset.api.AssetStatus.DECOMMISSIONED;
import static io.sitework.context.asset.api.AssetStatus.IN_SERVICE;
import static io.sitework.context.asset.api.AssetStatus.ISOLATED;
import static io.sitework.context.asset.api.AssetStatus.OUT_OF_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

class AssetTest {

    private FixtureConfiguration<Asset> fixture;
    private InMemoryAssetRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryAssetRegistry().site("s-1").site("s-2");
        fixture = new AggregateTestFixture<>(Asset.class);
        fixture.registerInjectableResource(registry);
    }

    /** A refusal with this stable code. */
    static Matcher<Object> code(String code) {
        return Matchers.predicate(e -> e instanceof DomainRuleViolation v && v.code().equals(code));
    }

    private static AssetRegistered registered(String id, String parentId, String tag) {
        return new AssetRegistered(id, "s-1", parentId, tag, "Asset " + tag, "PUMP", Criticality.B, IN_SERVICE);
    }

    @Nested
    class Registration {

        @Test
        void registeringAnAssetPutsItInServiceAndRecordsItsParent() {
            registry.asset("s-1", "area", "AREA-1", null);
            fixture.givenNoPriorActivity()
                    .when(new RegisterAsset("a-1", "s-1", "area", " P-101 ", " Feed pump ", "PUMP", Criticality.A))
                    .expectEvents(new AssetRegistered("a-1", "s-1", "area", "P-101", "Feed pump", "PUMP", Criticality.A, IN_SERVICE));
            assertThat(registry.parentOf).containsEntry("a-1", "area");
            assertThat(registry.locks).containsExactly("s-1");
        }

        @Test
        void theSiteMustExist() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAsset("a-1", "s-9", null, "P-1", "Pump", "PUMP", Criticality.A))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset cannot be registered: site s-9 does not exist")
                    .expectException(code("asset.site-unknown"))
                    .expectNoEvents();
            assertThat(registry.siteOfAsset).doesNotContainKey("a-1");
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
        void theParentMustExistOnTheSameSiteAndBeInUse() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAsset("a-1", "s-1", "nope", "P-1", "Pump", "PUMP", Criticality.C))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset cannot be registered: parent nope does not exist")
                    .expectNoEvents();
            registry.asset("s-2", "area-elsewhere", "AREA-1", null);
            fixture.givenNoPriorActivity()
                    .when(new RegisterAsset("a-1", "s-1", "area-elsewhere", "P-1", "Pump", "PUMP", Criticality.C))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset cannot be registered: parent area-elsewhere belongs to another site")
                    .expectNoEvents();
            registry.asset("s-1", "old-area", "AREA-0", null).markDecommissioned("old-area");
            fixture.givenNoPriorActivity()
                    .when(new RegisterAsset("a-1", "s-1", "old-area", "P-1", "Pump", "PUMP", Criticality.C))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset cannot be registered: parent old-area is DECOMMISSIONED")
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

    /** A tree on site s-1: area ← unit ← pump, and a second area. */
    @Nested
    class Moves {

        @BeforeEach
        void tree() {
            registry.asset("s-1", "area", "AREA-1", null)
                    .asset("s-1", "unit", "U-1", "area")
                    .asset("s-1", "pump", "P-1", "unit")
                    .asset("s-1", "area2", "AREA-2", null);
        }

        @Test
        void anAssetMovesUnderAnotherParentOfItsSite() {
            fixture.given(registered("unit", "area", "U-1"))
                    .when(new MoveAsset("unit", null, "area2"))
                    .expectEvents(new AssetMoved("unit", "s-1", "area", "area2"));
            assertThat(registry.parentOf).containsEntry("unit", "area2");
            assertThat(registry.ancestorsOf("pump")).containsExactly("unit", "area2");
        }

        @Test
        void aNullParentMovesItToTheTopLevel() {
            fixture.given(registered("unit", "area", "U-1"))
                    .when(new MoveAsset("unit", null, null))
                    .expectEvents(new AssetMoved("unit", "s-1", "area", null));
            assertThat(registry.parentOf).doesNotContainKey("unit");
        }

        @Test
        void movingWhereItAlreadyIsChangesNothing() {
            fixture.given(registered("unit", "area", "U-1"))
                    .when(new MoveAsset("unit", null, "area"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAssetCannotBeMovedUnderItself() {
            fixture.given(registered("unit", "area", "U-1"))
                    .when(new MoveAsset("unit", null, "unit"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset U-1 (unit) cannot be moved under itself")
                    .expectException(code("asset.move-cycle"))
                    .expectNoEvents();
        }

        @Test
        void anAssetCannotBeMovedUnderOneOfItsDescendants() {
            fixture.given(registered("area", null, "AREA-1"))
                    .when(new MoveAsset("area", null, "pump"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset AREA-1 (area) cannot be moved under pump: that asset is below it in the tree")
                    .expectException(code("asset.move-cycle"))
                    .expectNoEvents();
            assertThat(registry.parentOf).doesNotContainKey("area");
            assertThat(registry.locks).as("the site's tree is locked before the ancestors are walked").containsExactly("s-1");
        }

        @Test
        void theNewParentMustExistOnTheSameSiteAndBeInUse() {
            registry.asset("s-2", "elsewhere", "X-1", null);
            registry.asset("s-1", "old", "OLD-1", null).markDecommissioned("old");
            fixture.given(registered("unit", "area", "U-1")).when(new MoveAsset("unit", null, "nope"))
                    .expectException(code("asset.parent-unknown"))
                    .expectNoEvents();
            fixture.given(registered("unit", "area", "U-1")).when(new MoveAsset("unit", null, "elsewhere"))
                    .expectException(code("asset.parent-other-site"))
                    .expectNoEvents();
            fixture.given(registered("unit", "area", "U-1")).when(new MoveAsset("unit", null, "old"))
                    .expectException(code("asset.parent-decommissioned"))
                    .expectNoEvents();
        }

        @Test
        void aDecommissionedAssetCannotBeMoved() {
            fixture.given(registered("unit", "area", "U-1"), new AssetStatusChanged("unit", "s-1", IN_SERVICE, DECOMMISSIONED, "scrapped", null))
                    .when(new MoveAsset("unit", null, "area2"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset U-1 (unit) is DECOMMISSIONED; it cannot be moved")
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @Test
        void aPersonTakesAnAssetOutOfServiceAndBackWithAReason() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, OUT_OF_SERVICE, " seal leaking "))
                    .expectEvents(new AssetStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "seal leaking", null));
            fixture.given(registered("a-1", null, "P-1"), new AssetStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "seal", null))
                    .when(new ChangeAssetStatus("a-1", null, IN_SERVICE, "repaired"))
                    .expectEvents(new AssetStatusChanged("a-1", "s-1", OUT_OF_SERVICE, IN_SERVICE, "repaired", null));
        }

        @Test
        void settingTheCurrentStatusChangesNothing() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, IN_SERVICE, "still fine"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void isolatedCannotBeSetByHand() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, ISOLATED, "locked out"))
                    .expectException(code("asset.isolated-by-permits-only"))
                    .expectNoEvents();
        }

        @Test
        void aReasonAndAStatusAreRequired() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, OUT_OF_SERVICE, "  "))
                    .expectException(InvalidValueException.class)
                    .expectException(Matchers.predicate(e -> ((InvalidValueException) e).field().equals("reason")))
                    .expectNoEvents();
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, null, "why"))
                    .expectException(InvalidValueException.class)
                    .expectNoEvents();
        }

        @Test
        void decommissioningIsFinal() {
            registry.asset("s-1", "a-1", "P-1", null);
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ChangeAssetStatus("a-1", null, DECOMMISSIONED, "scrapped"))
                    .expectEvents(new AssetStatusChanged("a-1", "s-1", IN_SERVICE, DECOMMISSIONED, "scrapped", null));
            assertThat(registry.isDecommissioned("a-1")).isTrue();
            fixture.given(registered("a-1", null, "P-1"), new AssetStatusChanged("a-1", "s-1", IN_SERVICE, DECOMMISSIONED, "scrapped", null))
                    .when(new ChangeAssetStatus("a-1", null, IN_SERVICE, "changed my mind"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset P-1 (a-1) is DECOMMISSIONED; decommissioning is final")
                    .expectNoEvents();
        }

        @Test
        void anAssetWithChildrenInUseCannotBeDecommissioned() {
            registry.asset("s-1", "area", "AREA-1", null).asset("s-1", "p-1", "P-1", "area").asset("s-1", "p-2", "P-2", "area");
            registry.markDecommissioned("p-1");
            fixture.given(registered("area", null, "AREA-1"))
                    .when(new ChangeAssetStatus("area", null, DECOMMISSIONED, "area closed"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset AREA-1 (area) cannot be decommissioned: 1 asset below it is not decommissioned; "
                            + "move or decommission them first")
                    .expectNoEvents();
            assertThat(registry.isDecommissioned("area")).isFalse();
        }

        @Test
        void anIsolatedAssetCannotBeDecommissioned() {
            fixture.given(registered("a-1", null, "P-1"), new AssetIsolationAdded("a-1", "s-1", "permit-1", "iso-1"),
                            new AssetStatusChanged("a-1", "s-1", IN_SERVICE, ISOLATED, "isolated", "permit-1"))
                    .when(new ChangeAssetStatus("a-1", null, DECOMMISSIONED, "scrapped"))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("Asset P-1 (a-1) cannot be decommissioned while isolated under permit permit-1; "
                            + "the isolations must be removed first")
                    .expectException(code("asset.isolated"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Isolations {

        private final AssetIsolationAdded added = new AssetIsolationAdded("a-1", "s-1", "permit-1", "iso-1");
        private final AssetStatusChanged isolated = new AssetStatusChanged("a-1", "s-1", IN_SERVICE, ISOLATED,
                "isolation iso-1 of permit permit-1 applied", "permit-1");

        @Test
        void theFirstIsolationMakesTheAssetIsolated() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ApplyIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(added, isolated);
        }

        @Test
        void applyingTheSamePairTwiceChangesNothing() {
            fixture.given(registered("a-1", null, "P-1"), added, isolated)
                    .when(new ApplyIsolation("a-1", "permit-1", "iso-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void furtherIsolationsAreRecordedWithoutAStatusChange() {
            fixture.given(registered("a-1", null, "P-1"), added, isolated)
                    .when(new ApplyIsolation("a-1", "permit-2", "iso-7"))
                    .expectEvents(new AssetIsolationAdded("a-1", "s-1", "permit-2", "iso-7"));
        }

        @Test
        void removingAnUnknownPairChangesNothing() {
            fixture.given(registered("a-1", null, "P-1"), added, isolated)
                    .when(new RemoveIsolation("a-1", "permit-1", "iso-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theAssetStaysIsolatedUntilTheLastIsolationIsRemoved() {
            AssetIsolationAdded second = new AssetIsolationAdded("a-1", "s-1", "permit-2", "iso-7");
            fixture.given(registered("a-1", null, "P-1"), added, isolated, second)
                    .when(new RemoveIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(new AssetIsolationRemoved("a-1", "s-1", "permit-1", "iso-1"));
            fixture.given(registered("a-1", null, "P-1"), added, isolated, second, new AssetIsolationRemoved("a-1", "s-1", "permit-1", "iso-1"))
                    .when(new RemoveIsolation("a-1", "permit-2", "iso-7"))
                    .expectEvents(new AssetIsolationRemoved("a-1", "s-1", "permit-2", "iso-7"),
                            new AssetStatusChanged("a-1", "s-1", ISOLATED, IN_SERVICE,
                                    "last isolation removed (isolation iso-7 of permit permit-2)", "permit-2"));
        }

        @Test
        void itReturnsToTheStatusItHadBefore() {
            AssetStatusChanged out = new AssetStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "seal", null);
            fixture.given(registered("a-1", null, "P-1"), out)
                    .when(new ApplyIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(added, new AssetStatusChanged("a-1", "s-1", OUT_OF_SERVICE, ISOLATED,
                            "isolation iso-1 of permit permit-1 applied", "permit-1"));
            fixture.given(registered("a-1", null, "P-1"), out, added,
                            new AssetStatusChanged("a-1", "s-1", OUT_OF_SERVICE, ISOLATED, "isolated", "permit-1"))
                    .when(new RemoveIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(new AssetIsolationRemoved("a-1", "s-1", "permit-1", "iso-1"),
                            new AssetStatusChanged("a-1", "s-1", ISOLATED, OUT_OF_SERVICE,
                                    "last isolation removed (isolation iso-1 of permit permit-1)", "permit-1"));
        }

        @Test
        void aPersonsChangeWhileIsolatedIsWhatItReturnsTo() {
            fixture.given(registered("a-1", null, "P-1"), added, isolated)
                    .when(new ChangeAssetStatus("a-1", null, OUT_OF_SERVICE, "found a crack during the work"))
                    .expectEvents(new UnderlyingStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "found a crack during the work"));
            fixture.given(registered("a-1", null, "P-1"), added, isolated,
                            new UnderlyingStatusChanged("a-1", "s-1", IN_SERVICE, OUT_OF_SERVICE, "crack"))
                    .when(new RemoveIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(new AssetIsolationRemoved("a-1", "s-1", "permit-1", "iso-1"),
                            new AssetStatusChanged("a-1", "s-1", ISOLATED, OUT_OF_SERVICE,
                                    "last isolation removed (isolation iso-1 of permit permit-1)", "permit-1"));
            fixture.given(registered("a-1", null, "P-1"), added, isolated)
                    .when(new ChangeAssetStatus("a-1", null, IN_SERVICE, "no change underneath"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDecommissionedAssetRecordsIsolationsButStaysDecommissioned() {
            AssetStatusChanged scrapped = new AssetStatusChanged("a-1", "s-1", IN_SERVICE, DECOMMISSIONED, "scrapped", null);
            fixture.given(registered("a-1", null, "P-1"), scrapped)
                    .when(new ApplyIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(added);
            fixture.given(registered("a-1", null, "P-1"), scrapped, added)
                    .when(new RemoveIsolation("a-1", "permit-1", "iso-1"))
                    .expectEvents(new AssetIsolationRemoved("a-1", "s-1", "permit-1", "iso-1"));
        }

        @Test
        void aPairNamesAPermitAndAnIsolation() {
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new ApplyIsolation("a-1", " ", "iso-1"))
                    .expectException(InvalidValueException.class)
                    .expectNoEvents();
            fixture.given(registered("a-1", null, "P-1"))
                    .when(new RemoveIsolation("a-1", "permit-1", null))
                    .expectException(InvalidValueException.class)
                    .expectNoEvents();
        }
    }
}
