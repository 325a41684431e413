package io.sitework.context.permit.command;

import io.sitework.context.asset.command.TagRegistry;
import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.LinkedWork;
import io.sitework.context.permit.api.PermitCommands.ApplyIsolationPoint;
import io.sitework.context.permit.api.PermitCommands.ApprovePermit;
import io.sitework.context.permit.api.PermitCommands.CancelPermit;
import io.sitework.context.permit.api.PermitCommands.ClosePermit;
import io.sitework.context.permit.api.PermitCommands.HandBackPermit;
import io.sitework.context.permit.api.PermitCommands.IssuePermit;
import io.sitework.context.permit.api.PermitCommands.RecordLinkedWorkStatus;
import io.sitework.context.permit.api.PermitCommands.RejectPermit;
import io.sitework.context.permit.api.PermitCommands.RemoveIsolationPoint;
import io.sitework.context.permit.api.PermitCommands.RequestPermit;
import io.sitework.context.permit.api.PermitCommands.ResumePermit;
import io.sitework.context.permit.api.PermitCommands.SuspendPermit;
import io.sitework.context.permit.api.PermitCommands.VerifyIsolationPoint;
import io.sitework.context.permit.api.PermitEvents.IsolationApplied;
import io.sitework.context.permit.api.PermitEvents.IsolationRemoved;
import io.sitework.context.permit.api.PermitEvents.IsolationVerified;
import io.sitework.context.permit.api.PermitEvents.LinkedWorkStatusRecorded;
import io.sitework.context.permit.api.PermitEvents.PermitApproved;
import io.sitework.context.permit.api.PermitEvents.PermitCancelled;
import io.sitework.context.permit.api.PermitEvents.PermitClosed;
import io.sitework.context.permit.api.PermitEvents.PermitExpired;
import io.sitework.context.permit.api.PermitEvents.PermitHandedBack;
import io.sitework.context.permit.api.PermitEvents.PermitIssued;
import io.sitework.context.permit.api.PermitEvents.PermitReadyForHandBack;
import io.sitework.context.permit.api.PermitEvents.PermitRejected;
import io.sitework.context.permit.api.PermitEvents.PermitRequested;
import io.sitework.context.permit.api.PermitEvents.PermitResumed;
import io.sitework.context.permit.api.PermitEvents.PermitSuspended;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.WorkStatus;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sitework.support.test.DomainMatchers.code;
import static io.sitework.support.test.DomainMatchers.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Permit aggregate through Axon's fixture: one test per transition and per refusal. Every refusal
 * checks the exception, its code and reason, and that nothing was stored.
 */
class PermitTest {

    static final String PERMIT = "p-1";
    static final String SITE = "s-1";
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Instant FROM = Instant.parse("2026-11-25T07:00:00Z");
    static final Instant TO = Instant.parse("2026-11-26T18:00:00Z");
    static final PermitType TYPE = PermitType.CONFINED_SPACE;
    static final List<String> WORK = List.of("w-1", "w-2");
    static final List<String> SCOPE = List.of("a-1", "a-2");
    static final IsolationPoint VALVE = new IsolationPoint("i-1", "V-101 suction valve", "LOCK_OUT_TAG_OUT", "a-1");
    static final IsolationPoint BREAKER = new IsolationPoint("i-2", "MCC-4 breaker", "DISCONNECT", null);
    static final List<IsolationPoint> POINTS = List.of(VALVE, BREAKER);

    static final String REQUESTER = "rita";
    static final String AUTHORITY = "paul";
    static final String ISOLATOR = "ivan";
    static final String VERIFIER = "vera";

    private FixtureConfiguration<Permit> fixture;
    private final Map<String, String> assetSites = new HashMap<>();
    private final Map<String, LinkedWorkRegistry.KnownWork> knownWork = new HashMap<>();
    private final List<String> links = new ArrayList<>();

    @BeforeEach
    void setUp() {
        assetSites.putAll(Map.of("a-1", SITE, "a-2", SITE, "a-9", "s-2"));
        fixture = new AggregateTestFixture<>(Permit.class);
        fixture.registerInjectableResource(new TagRegistry() {
            @Override
            public boolean reserve(String siteId, String tag, String assetId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> siteOf(String assetId) {
                return Optional.ofNullable(assetSites.get(assetId));
            }
        });
        fixture.registerInjectableResource((LinkedWorkRegistry) (permitId, workIds) -> {
            workIds.forEach(w -> links.add(permitId + "/" + w));
            return workIds.stream().filter(knownWork::containsKey).map(knownWork::get).toList();
        });
    }

    // ---- commands as people send them ----

    static MetaData by(String actor) {
        return MetaData.with(CommandMetadata.ACTOR, actor);
    }

    static CommandMessage<?> as(String actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(by(actor));
    }

    static RequestPermit request(List<String> assets, List<IsolationPoint> points, Instant from, Instant to) {
        return new RequestPermit(PERMIT, SITE, TYPE, WORK, assets, List.of(" Toxic atmosphere ", "Engulfment"),
                List.of("Gas test before entry", "Standby person"), from, to, points);
    }

    static RequestPermit request() {
        return request(SCOPE, POINTS, FROM, TO);
    }

    // ---- the events of a permit's life, as given history ----

    static PermitRequested requested() {
        return requested(POINTS);
    }

    static PermitRequested requested(List<IsolationPoint> points) {
        return new PermitRequested(PERMIT, SITE, TYPE, WORK, SCOPE, List.of("Toxic atmosphere", "Engulfment"),
                List.of("Gas test before entry", "Standby person"), FROM, TO, points, REQUESTER, List.of());
    }

    static PermitApproved approved() {
        return new PermitApproved(PERMIT, SITE, TYPE, WORK, AUTHORITY);
    }

    static IsolationApplied applied(IsolationPoint p, PermitStatus status) {
        return new IsolationApplied(PERMIT, SITE, TYPE, WORK, status, SCOPE, p.isolationId(), p.point(), p.method(), p.assetId(), ISOLATOR);
    }

    static IsolationVerified verified(IsolationPoint p) {
        return new IsolationVerified(PERMIT, SITE, TYPE, WORK, PermitStatus.APPROVED, p.isolationId(), p.point(), p.method(), p.assetId(),
                VERIFIER);
    }

    static IsolationRemoved removed(IsolationPoint p, PermitStatus status) {
        return new IsolationRemoved(PERMIT, SITE, TYPE, WORK, status, SCOPE, p.isolationId(), p.point(), p.method(), p.assetId(), ISOLATOR);
    }

    static PermitIssued issued() {
        return new PermitIssued(PERMIT, SITE, TYPE, WORK, AUTHORITY, REQUESTER, TO);
    }

    static PermitSuspended suspended() {
        return new PermitSuspended(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Gas alarm");
    }

    static PermitHandedBack handedBack() {
        return new PermitHandedBack(PERMIT, SITE, TYPE, WORK, REQUESTER);
    }

    static LinkedWorkStatusRecorded work(String workId, WorkStatus status, long sequence) {
        return new LinkedWorkStatusRecorded(PERMIT, SITE, TYPE, WORK, workId, status, sequence);
    }

    static PermitExpired expired() {
        return new PermitExpired(PERMIT, SITE, TYPE, WORK, TO);
    }

    /** Approved, both isolation points applied and verified. */
    static List<Object> isolatedAndApproved() {
        return List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED), applied(BREAKER, PermitStatus.APPROVED),
                verified(VALVE), verified(BREAKER));
    }

    /** The history that leaves the permit in the given status (isolations verified from APPROVED on, removed by CLOSED). */
    static List<Object> historyOf(PermitStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(requested());
        switch (status) {
            case REQUESTED -> {
            }
            case REJECTED -> events.add(new PermitRejected(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Scope unclear"));
            case APPROVED -> events.addAll(isolatedAndApproved().subList(1, 6));
            case ISSUED -> {
                events.addAll(isolatedAndApproved().subList(1, 6));
                events.add(issued());
            }
            case SUSPENDED -> {
                events.addAll(isolatedAndApproved().subList(1, 6));
                events.addAll(List.of(issued(), suspended()));
            }
            case HANDED_BACK -> {
                events.addAll(isolatedAndApproved().subList(1, 6));
                events.addAll(List.of(issued(), handedBack()));
            }
            case CLOSED -> {
                events.addAll(isolatedAndApproved().subList(1, 6));
                events.addAll(List.of(issued(), handedBack(), removed(VALVE, PermitStatus.HANDED_BACK),
                        removed(BREAKER, PermitStatus.HANDED_BACK), new PermitClosed(PERMIT, SITE, TYPE, WORK, AUTHORITY)));
            }
            case CANCELLED -> events.add(new PermitCancelled(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Job postponed"));
            case EXPIRED -> {
                events.addAll(isolatedAndApproved().subList(1, 6));
                events.addAll(List.of(issued(), expired()));
            }
        }
        return events;
    }

    private TestExecutor<Permit> given(List<Object> events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private TestExecutor<Permit> givenCommands(CommandMessage<?>... commands) {
        return fixture.givenCurrentTime(NOW).andGivenCommands((Object[]) commands);
    }

    static void refused(ResultValidator<Permit> result, String code, String message) {
        result.expectException(DomainRuleViolation.class)
                .expectException(code(code))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    static void invalid(ResultValidator<Permit> result, String field) {
        result.expectException(InvalidValueException.class)
                .expectException(field(field))
                .expectNoEvents();
    }

    @Nested
    class Requesting {

        @Test
        void requestingRecordsTheScopeLinksTheWorkAndSchedulesTheExpiry() {
            knownWork.put("w-1", new LinkedWorkRegistry.KnownWork("w-1", SITE, WorkStatus.PLANNED, 1));
            fixture.givenCurrentTime(NOW)
                    .when(new RequestPermit(PERMIT, SITE, TYPE, List.of("w-1", "w-2", "w-1"), List.of("a-1", "a-2", "a-1"),
                            List.of(" Toxic atmosphere ", "Engulfment"), List.of("Gas test before entry", "Standby person"), FROM, TO,
                            List.of(new IsolationPoint("i-1", " V-101 suction valve ", "LOCK_OUT_TAG_OUT", "a-1"),
                                    new IsolationPoint("i-2", "MCC-4 breaker", "DISCONNECT", " "))), by(REQUESTER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PermitRequested(PERMIT, SITE, TYPE, WORK, SCOPE, List.of("Toxic atmosphere", "Engulfment"),
                            List.of("Gas test before entry", "Standby person"), FROM, TO, POINTS, REQUESTER,
                            List.of(new LinkedWork("w-1", WorkStatus.PLANNED, 1))))
                    .expectScheduledDeadlineWithName(TO, Permit.EXPIRY_DEADLINE)
                    .expectScheduledDeadline(TO, TO);
            assertThat(links).containsExactly("p-1/w-1", "p-1/w-2");
        }

        @Test
        void everyTypeOfPermitCanBeRequestedWithoutWorkAssetsOrIsolations() {
            for (PermitType type : PermitType.values()) {
                setUp();
                fixture.givenCurrentTime(NOW)
                        .when(new RequestPermit(PERMIT, SITE, type, null, null, List.of("Fall"), List.of("Harness"), FROM, TO, null),
                                by(REQUESTER))
                        .expectEvents(new PermitRequested(PERMIT, SITE, type, List.of(), List.of(), List.of("Fall"), List.of("Harness"),
                                FROM, TO, List.of(), REQUESTER, List.of()));
            }
        }

        @Test
        void theScopeMustBeAssetsOfTheSameSite() {
            refused(fixture.givenCurrentTime(NOW).when(request(List.of("a-1", "nope"), POINTS, FROM, TO), by(REQUESTER)),
                    "permit.asset-unknown", "Permit cannot be requested: asset nope does not exist");
            refused(fixture.givenCurrentTime(NOW).when(request(List.of("a-9"), POINTS, FROM, TO), by(REQUESTER)),
                    "permit.asset-other-site", "Permit cannot be requested: asset a-9 belongs to another site");
        }

        @Test
        void anIsolationPointsAssetMustBeOfTheSameSite() {
            refused(fixture.givenCurrentTime(NOW).when(request(SCOPE, List.of(new IsolationPoint("i-1", "Valve", "BLIND", "a-9")), FROM, TO),
                            by(REQUESTER)),
                    "permit.asset-other-site", "Permit cannot be requested: asset a-9 (of isolation point 'Valve') belongs to another site");
        }

        @Test
        void workKnownToBelongToAnotherSiteIsRefused() {
            knownWork.put("w-2", new LinkedWorkRegistry.KnownWork("w-2", "s-2", WorkStatus.REQUESTED, 0));
            refused(fixture.givenCurrentTime(NOW).when(request(), by(REQUESTER)),
                    "permit.work-other-site", "Permit cannot be requested: work w-2 belongs to another site");
        }

        @Test
        void theValidityWindowEndsAfterItStartsInTheFutureAndWithinSevenDays() {
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, TO, FROM), by(REQUESTER)), "validTo");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, FROM, FROM), by(REQUESTER)), "validTo");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, FROM, FROM.plus(Duration.ofDays(7)).plusSeconds(1)),
                    by(REQUESTER)), "validTo");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, NOW.minusSeconds(7200), NOW.minusSeconds(60)),
                    by(REQUESTER)), "validTo");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, null, TO), by(REQUESTER)), "validFrom");
            fixture.givenCurrentTime(NOW).when(request(SCOPE, POINTS, FROM, FROM.plus(Duration.ofDays(7))), by(REQUESTER))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void hazardsControlsAndIsolationPointsMustBeComplete() {
            invalid(fixture.givenCurrentTime(NOW).when(new RequestPermit(PERMIT, SITE, TYPE, WORK, SCOPE, List.of(), List.of("c"), FROM, TO,
                    POINTS), by(REQUESTER)), "hazards");
            invalid(fixture.givenCurrentTime(NOW).when(new RequestPermit(PERMIT, SITE, TYPE, WORK, SCOPE, List.of("h"), List.of(" "), FROM,
                    TO, POINTS), by(REQUESTER)), "controls");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, List.of(new IsolationPoint("i-1", "Valve", "lock out", null)), FROM, TO),
                    by(REQUESTER)), "isolations");
            invalid(fixture.givenCurrentTime(NOW).when(request(SCOPE, List.of(VALVE, new IsolationPoint("i-1", "Other", "BLIND", null)),
                    FROM, TO), by(REQUESTER)), "isolations");
            invalid(fixture.givenCurrentTime(NOW).when(new RequestPermit(PERMIT, SITE, null, WORK, SCOPE, List.of("h"), List.of("c"), FROM,
                    TO, POINTS), by(REQUESTER)), "type");
        }
    }

    @Nested
    class ApprovingAndRejecting {

        @Test
        void aPermitAuthorityApprovesARequestedPermit() {
            given(historyOf(PermitStatus.REQUESTED)).when(new ApprovePermit(PERMIT, null), by(AUTHORITY))
                    .expectEvents(approved());
        }

        @Test
        void theRequesterCannotApproveTheirOwnPermit() {
            refused(given(historyOf(PermitStatus.REQUESTED)).when(new ApprovePermit(PERMIT, null), by(REQUESTER)),
                    "permit.self-approval", "Permit p-1 was requested by rita; the requester cannot approve their own permit");
        }

        @Test
        void onlyARequestedPermitCanBeApproved() {
            refused(given(historyOf(PermitStatus.APPROVED)).when(new ApprovePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.not-requested", "Permit p-1 is APPROVED; only REQUESTED permits can be approved");
        }

        @Test
        void rejectingARequestedPermitEndsItAndItsExpiry() {
            givenCommands(as(REQUESTER, request()))
                    .when(new RejectPermit(PERMIT, null, " Scope unclear "), by(AUTHORITY))
                    .expectEvents(new PermitRejected(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Scope unclear"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aRejectionNeedsAReasonAndARequestedPermit() {
            invalid(given(historyOf(PermitStatus.REQUESTED)).when(new RejectPermit(PERMIT, null, " "), by(AUTHORITY)), "reason");
            refused(given(historyOf(PermitStatus.ISSUED)).when(new RejectPermit(PERMIT, null, "Too late"), by(AUTHORITY)),
                    "permit.not-requested", "Permit p-1 is ISSUED; only REQUESTED permits can be rejected");
        }
    }

    @Nested
    class Isolations {

        @Test
        void anIsolationPointIsAppliedOnceThePermitIsApproved() {
            given(List.of(requested(), approved())).when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR))
                    .expectEvents(applied(VALVE, PermitStatus.APPROVED));
        }

        @Test
        void isolationsAreNotAppliedBeforeApprovalNorWhileIssued() {
            refused(given(historyOf(PermitStatus.REQUESTED)).when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.cannot-isolate", "Permit p-1 is REQUESTED; only APPROVED or SUSPENDED permits can have isolations applied");
            refused(given(historyOf(PermitStatus.ISSUED)).when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.cannot-isolate", "Permit p-1 is ISSUED; only APPROVED or SUSPENDED permits can have isolations applied");
            refused(given(historyOf(PermitStatus.CANCELLED)).when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.cannot-isolate", "Permit p-1 is CANCELLED; only APPROVED or SUSPENDED permits can have isolations applied");
        }

        @Test
        void aSuspendedPermitCanBeReIsolated() {
            List<Object> history = new ArrayList<>(List.of(requested(List.of(VALVE, BREAKER)), approved(),
                    applied(VALVE, PermitStatus.APPROVED), verified(VALVE), issued(), suspended()));
            given(history).when(new ApplyIsolationPoint(PERMIT, null, "i-2"), by(ISOLATOR))
                    .expectEvents(applied(BREAKER, PermitStatus.SUSPENDED));
        }

        @Test
        void anAppliedPointIsNotAppliedAgainNorAnUnknownOne() {
            refused(given(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED)))
                            .when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.isolation-already-applied", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 is already APPLIED");
            given(List.of(requested(), approved())).when(new ApplyIsolationPoint(PERMIT, null, "i-9"), by(ISOLATOR))
                    .expectException(NotFoundException.class)
                    .expectExceptionMessage("Permit p-1 has no isolation point i-9")
                    .expectNoEvents();
        }

        @Test
        void anAppliedPointIsVerifiedBySomeoneElse() {
            given(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED)))
                    .when(new VerifyIsolationPoint(PERMIT, null, "i-1"), by(VERIFIER))
                    .expectEvents(verified(VALVE));
        }

        @Test
        void whoAppliedAnIsolationCannotVerifyIt() {
            refused(given(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED)))
                            .when(new VerifyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.isolation-self-verify", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 was applied by ivan; "
                            + "it must be verified by someone else");
        }

        @Test
        void onlyAnAppliedPointCanBeVerified() {
            refused(given(List.of(requested(), approved())).when(new VerifyIsolationPoint(PERMIT, null, "i-1"), by(VERIFIER)),
                    "permit.isolation-not-applied", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 is PLANNED; "
                            + "only an applied isolation can be verified");
            refused(given(historyOf(PermitStatus.APPROVED)).when(new VerifyIsolationPoint(PERMIT, null, "i-1"), by(VERIFIER)),
                    "permit.isolation-already-verified", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 is already VERIFIED");
        }

        @Test
        void isolationsStayInPlaceWhileThePermitIsInForce() {
            for (PermitStatus status : List.of(PermitStatus.APPROVED, PermitStatus.ISSUED, PermitStatus.SUSPENDED)) {
                refused(given(historyOf(status)).when(new RemoveIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                        "permit.isolation-in-force", "Permit p-1 is " + status + "; isolations stay in place until the permit is "
                                + "handed back, cancelled or expired");
            }
        }

        @ParameterizedTest
        @EnumSource(value = PermitStatus.class, names = {"HANDED_BACK", "EXPIRED"})
        void isolationsAreRemovedOnceThePermitIsHandedBackOrExpired(PermitStatus status) {
            given(historyOf(status)).when(new RemoveIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR))
                    .expectEvents(removed(VALVE, status));
        }

        @Test
        void isolationsOfACancelledPermitAreRemoved() {
            given(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED),
                    new PermitCancelled(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Job postponed")))
                    .when(new RemoveIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR))
                    .expectEvents(removed(VALVE, PermitStatus.CANCELLED));
        }

        @Test
        void onlyAnIsolationInPlaceCanBeRemoved() {
            refused(given(historyOf(PermitStatus.CANCELLED)).when(new RemoveIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.isolation-not-applied", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 was never applied");
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.HANDED_BACK));
            history.add(removed(VALVE, PermitStatus.HANDED_BACK));
            refused(given(history).when(new RemoveIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.isolation-already-removed", "Isolation point 'V-101 suction valve' (i-1) of permit p-1 is already removed");
            refused(given(history).when(new ApplyIsolationPoint(PERMIT, null, "i-1"), by(ISOLATOR)),
                    "permit.cannot-isolate", "Permit p-1 is HANDED_BACK; only APPROVED or SUSPENDED permits can have isolations applied");
        }
    }

    @Nested
    class Issuing {

        @Test
        void anApprovedPermitWithEveryIsolationVerifiedIsIssuedToTheRequesterByDefault() {
            given(historyOf(PermitStatus.APPROVED)).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY))
                    .expectEvents(issued());
        }

        @Test
        void thePermitIsIssuedToTheHolderNamed() {
            given(historyOf(PermitStatus.APPROVED)).when(new IssuePermit(PERMIT, null, " hugo "), by(AUTHORITY))
                    .expectEvents(new PermitIssued(PERMIT, SITE, TYPE, WORK, AUTHORITY, "hugo", TO));
        }

        @Test
        void everyIsolationMustBeVerifiedBeforeIssue() {
            refused(given(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED), applied(BREAKER, PermitStatus.APPROVED),
                            verified(VALVE))).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.isolation-not-verified", "Permit p-1 cannot be issued until every isolation point is verified: "
                            + "'MCC-4 breaker' (i-2) is APPLIED");
            refused(given(List.of(requested(), approved())).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.isolation-not-verified", "Permit p-1 cannot be issued until every isolation point is verified: "
                            + "'V-101 suction valve' (i-1) is PLANNED; 'MCC-4 breaker' (i-2) is PLANNED");
        }

        @Test
        void aPermitIsIssuedOnlyWithinItsValidityWindow() {
            refused(fixture.givenCurrentTime(FROM.minusSeconds(1)).andGiven(historyOf(PermitStatus.APPROVED))
                            .when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.not-yet-valid", "Permit p-1 is valid from 2026-11-25T07:00:00Z; it cannot be issued before then");
            refused(fixture.givenCurrentTime(TO).andGiven(historyOf(PermitStatus.APPROVED))
                            .when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.validity-passed", "Permit p-1 was valid until 2026-11-26T18:00:00Z; it cannot be issued any more");
        }

        @Test
        void onlyAnApprovedPermitIsIssued() {
            refused(given(historyOf(PermitStatus.REQUESTED)).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.not-approved", "Permit p-1 is REQUESTED; only APPROVED permits can be issued");
            refused(given(historyOf(PermitStatus.EXPIRED)).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY)),
                    "permit.expired", "Permit p-1 EXPIRED at 2026-11-26T18:00:00Z; an expired permit cannot be issued");
        }

        @Test
        void issuingAPermitWhoseWorkIsAlreadyFinishedMakesItReadyForHandBack() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.APPROVED));
            history.addAll(List.of(work("w-1", WorkStatus.DONE, 4), work("w-2", WorkStatus.CANCELLED, 2)));
            given(history).when(new IssuePermit(PERMIT, null, null), by(AUTHORITY))
                    .expectEvents(issued(), new PermitReadyForHandBack(PERMIT, SITE, TYPE, WORK, PermitStatus.ISSUED, REQUESTER));
        }
    }

    @Nested
    class SuspendingAndResuming {

        @Test
        void anIssuedPermitIsSuspendedWithAReason() {
            given(historyOf(PermitStatus.ISSUED)).when(new SuspendPermit(PERMIT, null, " Gas alarm "), by(AUTHORITY))
                    .expectEvents(suspended());
            invalid(given(historyOf(PermitStatus.ISSUED)).when(new SuspendPermit(PERMIT, null, null), by(AUTHORITY)), "reason");
        }

        @Test
        void onlyAnIssuedPermitIsSuspended() {
            refused(given(historyOf(PermitStatus.APPROVED)).when(new SuspendPermit(PERMIT, null, "Gas alarm"), by(AUTHORITY)),
                    "permit.not-issued", "Permit p-1 is APPROVED; only ISSUED permits can be suspended");
        }

        @Test
        void aSuspendedPermitIsResumed() {
            given(historyOf(PermitStatus.SUSPENDED)).when(new ResumePermit(PERMIT, null), by(AUTHORITY))
                    .expectEvents(new PermitResumed(PERMIT, SITE, TYPE, WORK, AUTHORITY));
        }

        @Test
        void onlyASuspendedPermitStillValidIsResumed() {
            refused(given(historyOf(PermitStatus.ISSUED)).when(new ResumePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.not-suspended", "Permit p-1 is ISSUED; only SUSPENDED permits can be resumed");
            List<Object> expiredWhileSuspended = new ArrayList<>(historyOf(PermitStatus.SUSPENDED));
            expiredWhileSuspended.add(expired());
            refused(given(expiredWhileSuspended).when(new ResumePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.expired", "Permit p-1 EXPIRED at 2026-11-26T18:00:00Z; an expired permit cannot be resumed");
            refused(fixture.givenCurrentTime(TO.plusSeconds(1)).andGiven(historyOf(PermitStatus.SUSPENDED))
                            .when(new ResumePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.validity-passed", "Permit p-1 was valid until 2026-11-26T18:00:00Z; it cannot be resumed any more");
        }

        @Test
        void aReIsolatedPermitIsResumedOnlyOnceTheNewIsolationIsVerified() {
            List<Object> history = new ArrayList<>(List.of(requested(), approved(), applied(VALVE, PermitStatus.APPROVED), verified(VALVE),
                    issued(), suspended(), applied(BREAKER, PermitStatus.SUSPENDED)));
            refused(given(history).when(new ResumePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.isolation-not-verified", "Permit p-1 cannot be resumed until every isolation point is verified: "
                            + "'MCC-4 breaker' (i-2) is APPLIED");
        }
    }

    @Nested
    class HandingBackAndClosing {

        @ParameterizedTest
        @EnumSource(value = PermitStatus.class, names = {"ISSUED", "SUSPENDED"})
        void anIssuedOrSuspendedPermitIsHandedBack(PermitStatus status) {
            given(historyOf(status)).when(new HandBackPermit(PERMIT, null), by(REQUESTER))
                    .expectEvents(handedBack());
        }

        @Test
        void handingBackEndsTheExpiry() {
            givenCommands(as(REQUESTER, request(SCOPE, List.of(), FROM, TO)), as(AUTHORITY, new ApprovePermit(PERMIT, null)),
                    as(AUTHORITY, new IssuePermit(PERMIT, null, null)))
                    .when(new HandBackPermit(PERMIT, null), by(REQUESTER))
                    .expectEvents(handedBack())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void onlyAnIssuedOrSuspendedPermitIsHandedBack() {
            refused(given(historyOf(PermitStatus.APPROVED)).when(new HandBackPermit(PERMIT, null), by(REQUESTER)),
                    "permit.cannot-hand-back", "Permit p-1 is APPROVED; only ISSUED or SUSPENDED permits can be handed back");
        }

        @Test
        void aHandedBackPermitWithEveryIsolationRemovedAndNoWorkUnderWayIsClosed() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.HANDED_BACK));
            history.addAll(List.of(removed(VALVE, PermitStatus.HANDED_BACK), removed(BREAKER, PermitStatus.HANDED_BACK),
                    work("w-1", WorkStatus.DONE, 5), work("w-2", WorkStatus.PLANNED, 1)));
            given(history).when(new ClosePermit(PERMIT, null), by(AUTHORITY))
                    .expectEvents(new PermitClosed(PERMIT, SITE, TYPE, WORK, AUTHORITY));
        }

        @Test
        void everyAppliedIsolationMustBeRemovedBeforeClose() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.HANDED_BACK));
            history.add(removed(VALVE, PermitStatus.HANDED_BACK));
            refused(given(history).when(new ClosePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.isolation-not-removed", "Permit p-1 cannot be closed while isolation points are in place: "
                            + "'MCC-4 breaker' (i-2) is VERIFIED. Remove every isolation first");
        }

        @ParameterizedTest
        @EnumSource(value = WorkStatus.class, names = {"IN_PROGRESS", "ON_HOLD"})
        void aPermitIsNotClosedWhileLinkedWorkIsUnderWay(WorkStatus workStatus) {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.HANDED_BACK));
            history.addAll(List.of(removed(VALVE, PermitStatus.HANDED_BACK), removed(BREAKER, PermitStatus.HANDED_BACK),
                    work("w-2", workStatus, 3)));
            refused(given(history).when(new ClosePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.work-in-progress", "Permit p-1 cannot be closed while work under it is not finished: work w-2 is " + workStatus);
        }

        @Test
        void onlyAHandedBackPermitIsClosed() {
            refused(given(historyOf(PermitStatus.ISSUED)).when(new ClosePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.not-handed-back", "Permit p-1 is ISSUED; only HANDED_BACK permits can be closed");
        }
    }

    @Nested
    class Cancelling {

        @ParameterizedTest
        @EnumSource(value = PermitStatus.class, names = {"REQUESTED", "APPROVED", "ISSUED", "SUSPENDED"})
        void aPermitIsCancelledBeforeHandBack(PermitStatus status) {
            given(historyOf(status)).when(new CancelPermit(PERMIT, null, "Job postponed"), by(AUTHORITY))
                    .expectEvents(new PermitCancelled(PERMIT, SITE, TYPE, WORK, AUTHORITY, "Job postponed"));
        }

        @Test
        void cancellingEndsTheExpiry() {
            givenCommands(as(REQUESTER, request()))
                    .when(new CancelPermit(PERMIT, null, "Job postponed"), by(REQUESTER))
                    .expectEvents(new PermitCancelled(PERMIT, SITE, TYPE, WORK, REQUESTER, "Job postponed"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aPermitIsNotCancelledOnceHandedBackOrEnded() {
            refused(given(historyOf(PermitStatus.HANDED_BACK)).when(new CancelPermit(PERMIT, null, "Oops"), by(AUTHORITY)),
                    "permit.cannot-cancel", "Permit p-1 is HANDED_BACK; only REQUESTED, APPROVED, ISSUED or SUSPENDED permits can be "
                            + "cancelled");
            refused(given(historyOf(PermitStatus.CLOSED)).when(new CancelPermit(PERMIT, null, "Oops"), by(AUTHORITY)),
                    "permit.cannot-cancel", "Permit p-1 is CLOSED; only REQUESTED, APPROVED, ISSUED or SUSPENDED permits can be "
                            + "cancelled");
            refused(given(historyOf(PermitStatus.EXPIRED)).when(new CancelPermit(PERMIT, null, "Oops"), by(AUTHORITY)),
                    "permit.expired", "Permit p-1 EXPIRED at 2026-11-26T18:00:00Z; an expired permit cannot be cancelled");
            invalid(given(historyOf(PermitStatus.REQUESTED)).when(new CancelPermit(PERMIT, null, ""), by(AUTHORITY)), "reason");
        }
    }

    @Nested
    class LinkedWorkStatuses {

        @Test
        void aNewStatusOfLinkedWorkIsRecorded() {
            given(historyOf(PermitStatus.APPROVED)).when(new RecordLinkedWorkStatus(PERMIT, "w-1", WorkStatus.IN_PROGRESS, 2))
                    .expectEvents(work("w-1", WorkStatus.IN_PROGRESS, 2));
        }

        @Test
        void aRepeatedOrOlderStatusChangesNothing() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.ISSUED));
            history.add(work("w-1", WorkStatus.IN_PROGRESS, 2));
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-1", WorkStatus.IN_PROGRESS, 2)).expectNoEvents();
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-1", WorkStatus.PLANNED, 1)).expectNoEvents();
        }

        @Test
        void workThePermitDoesNotCoverAndEndedPermitsAreIgnored() {
            given(historyOf(PermitStatus.ISSUED)).when(new RecordLinkedWorkStatus(PERMIT, "w-9", WorkStatus.DONE, 3)).expectNoEvents();
            given(historyOf(PermitStatus.CLOSED)).when(new RecordLinkedWorkStatus(PERMIT, "w-1", WorkStatus.DONE, 3)).expectNoEvents();
        }

        @Test
        void whenAllLinkedWorkIsFinishedAnIssuedPermitIsReadyForHandBack() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.ISSUED));
            history.add(work("w-1", WorkStatus.CLOSED, 6));
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-2", WorkStatus.DONE, 4))
                    .expectEvents(work("w-2", WorkStatus.DONE, 4),
                            new PermitReadyForHandBack(PERMIT, SITE, TYPE, WORK, PermitStatus.ISSUED, REQUESTER));
        }

        @Test
        void aSuspendedPermitIsReadyForHandBackToo() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.SUSPENDED));
            history.add(work("w-1", WorkStatus.REJECTED, 1));
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-2", WorkStatus.CANCELLED, 2))
                    .expectEvents(work("w-2", WorkStatus.CANCELLED, 2),
                            new PermitReadyForHandBack(PERMIT, SITE, TYPE, WORK, PermitStatus.SUSPENDED, REQUESTER));
        }

        @Test
        void readyForHandBackIsRaisedOnlyOnce() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.ISSUED));
            history.addAll(List.of(work("w-1", WorkStatus.DONE, 4), work("w-2", WorkStatus.DONE, 4),
                    new PermitReadyForHandBack(PERMIT, SITE, TYPE, WORK, PermitStatus.ISSUED, REQUESTER)));
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-1", WorkStatus.CLOSED, 5))
                    .expectEvents(work("w-1", WorkStatus.CLOSED, 5));
        }

        @Test
        void workStillToFinishOrAPermitNotIssuedIsNotReadyForHandBack() {
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.ISSUED));
            history.add(work("w-1", WorkStatus.DONE, 4));
            given(history).when(new RecordLinkedWorkStatus(PERMIT, "w-2", WorkStatus.IN_PROGRESS, 2))
                    .expectEvents(work("w-2", WorkStatus.IN_PROGRESS, 2));
            List<Object> approved = new ArrayList<>(historyOf(PermitStatus.APPROVED));
            approved.add(work("w-1", WorkStatus.DONE, 4));
            given(approved).when(new RecordLinkedWorkStatus(PERMIT, "w-2", WorkStatus.DONE, 3))
                    .expectEvents(work("w-2", WorkStatus.DONE, 3));
        }
    }

    @Nested
    class Expiry {

        private TestExecutor<Permit> issuedByCommands() {
            return givenCommands(as(REQUESTER, request(SCOPE, List.of(), FROM, TO)), as(AUTHORITY, new ApprovePermit(PERMIT, null)),
                    as(AUTHORITY, new IssuePermit(PERMIT, null, null)));
        }

        @Test
        void nothingExpiresBeforeTheEndOfTheWindow() {
            issuedByCommands().whenTimeElapses(Duration.between(NOW, TO).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(TO, Permit.EXPIRY_DEADLINE);
        }

        @Test
        void anIssuedPermitExpiresAtTheEndOfItsWindow() {
            issuedByCommands().whenTimeAdvancesTo(TO)
                    .expectTriggeredDeadlinesWithName(Permit.EXPIRY_DEADLINE)
                    .expectEvents(expired())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aRequestedPermitExpiresToo() {
            givenCommands(as(REQUESTER, request())).whenTimeAdvancesTo(TO)
                    .expectEvents(expired());
        }

        @Test
        void aClosedPermitDoesNotExpire() {
            issuedByCommands().andGivenCommands(as(REQUESTER, new HandBackPermit(PERMIT, null)), as(AUTHORITY, new ClosePermit(PERMIT, null)))
                    .whenTimeAdvancesTo(TO.plusSeconds(60))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void aRejectedPermitDoesNotExpire() {
            givenCommands(as(REQUESTER, request()), as(AUTHORITY, new RejectPermit(PERMIT, null, "No")))
                    .whenTimeAdvancesTo(TO.plusSeconds(60))
                    .expectNoEvents();
        }

        @Test
        void anExpiredPermitCannotBeResumed() {
            givenCommands(as(REQUESTER, request(SCOPE, List.of(), FROM, TO)), as(AUTHORITY, new ApprovePermit(PERMIT, null)),
                    as(AUTHORITY, new IssuePermit(PERMIT, null, null)), as(AUTHORITY, new SuspendPermit(PERMIT, null, "Gas alarm")))
                    .whenTimeAdvancesTo(TO)
                    .expectEvents(expired());
            List<Object> history = new ArrayList<>(historyOf(PermitStatus.SUSPENDED));
            history.add(expired());
            refused(given(history).when(new ResumePermit(PERMIT, null), by(AUTHORITY)),
                    "permit.expired", "Permit p-1 EXPIRED at 2026-11-26T18:00:00Z; an expired permit cannot be resumed");
        }
    }
}
