package io.sitework.context.contractor;

import io.sitework.context.asset.InMemoryAssetRegistry;
import io.sitework.context.contractor.api.ContractorCommands.GrantQualification;
import io.sitework.context.contractor.api.ContractorCommands.RegisterContractor;
import io.sitework.context.contractor.api.ContractorCommands.RevokeQualification;
import io.sitework.context.contractor.api.ContractorEvents.ContractorRegistered;
import io.sitework.context.contractor.api.ContractorEvents.QualificationGranted;
import io.sitework.context.contractor.api.ContractorEvents.QualificationLapsed;
import io.sitework.context.contractor.api.LapseReason;
import io.sitework.context.contractor.command.Contractor;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class ContractorTest {

    private static final String HOT_WORK_LAPSE = "qualification-lapse/HOT_WORK";

    private AggregateTestFixture<Contractor> fixture;
    private final RegisterContractor register = new RegisterContractor("c-1", "s-1", "Acme Welding", "ops@acme.example");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contractor.class);
        fixture.registerInjectableResource(new InMemoryAssetRegistry().site("s-1"));
    }

    private Instant in(Duration duration) {
        return fixture.currentTime().plus(duration);
    }

    @Test
    void aContractorIsRegisteredOnAnExistingSite() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractor("c-1", "s-1", " Acme Welding ", " ops@acme.example "))
                .expectEvents(new ContractorRegistered("c-1", "s-1", "Acme Welding", "ops@acme.example"));
        fixture.givenNoPriorActivity()
                .when(new RegisterContractor("c-1", "s-1", "Acme", null))
                .expectEvents(new ContractorRegistered("c-1", "s-1", "Acme", null));
    }

    @Test
    void theSiteMustExist() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractor("c-1", "s-9", "Acme", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Contractor cannot be registered: site s-9 does not exist")
                .expectNoEvents();
    }

    @Test
    void aNameAndAWellFormedAddressAreRequired() {
        fixture.givenNoPriorActivity().when(new RegisterContractor("c-1", "s-1", " ", null))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("name")))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterContractor("c-1", "s-1", "Acme", "not-an-address"))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("contactEmail")))
                .expectNoEvents();
    }

    @Test
    void aQualificationWithAnEndArmsItsLapse() {
        Instant until = in(Duration.ofDays(30));
        fixture.givenCommands(register)
                .when(new GrantQualification("c-1", null, "HOT_WORK", until))
                .expectEvents(new QualificationGranted("c-1", "s-1", "HOT_WORK", until))
                .expectScheduledDeadlineWithName(until, HOT_WORK_LAPSE);
    }

    @Test
    void anOpenEndedQualificationArmsNothing() {
        fixture.givenCommands(register)
                .when(new GrantQualification("c-1", null, "ELECTRICAL", null))
                .expectEvents(new QualificationGranted("c-1", "s-1", "ELECTRICAL", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void itLapsesAsExpiredAtItsEnd() {
        Instant until = in(Duration.ofDays(30));
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", until))
                .whenTimeAdvancesTo(until.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(HOT_WORK_LAPSE)
                .expectEvents(new QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.EXPIRED, null));
    }

    @Test
    void renewingReArmsTheLapse() {
        Instant first = in(Duration.ofDays(10));
        Instant renewed = in(Duration.ofDays(40));
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", first))
                .when(new GrantQualification("c-1", null, "HOT_WORK", renewed))
                .expectEvents(new QualificationGranted("c-1", "s-1", "HOT_WORK", renewed))
                .expectScheduledDeadlineWithName(renewed, HOT_WORK_LAPSE)
                .expectNoScheduledDeadlineWithName(first, HOT_WORK_LAPSE);
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", first),
                        new GrantQualification("c-1", null, "HOT_WORK", renewed))
                .whenTimeAdvancesTo(first.plusSeconds(60))
                .expectNoEvents();
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", first),
                        new GrantQualification("c-1", null, "HOT_WORK", null))
                .whenTimeAdvancesTo(renewed.plusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void eachQualificationLapsesOnItsOwn() {
        Instant soon = in(Duration.ofDays(5));
        Instant later = in(Duration.ofDays(50));
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", soon),
                        new GrantQualification("c-1", null, "CONFINED_SPACE", later))
                .whenTimeAdvancesTo(soon.plusSeconds(1))
                .expectEvents(new QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.EXPIRED, null))
                .expectScheduledDeadlineWithName(later, "qualification-lapse/CONFINED_SPACE")
                .expectNoScheduledDeadlineWithName(soon, HOT_WORK_LAPSE);
    }

    @Test
    void aRevocationLapsesItAndDisarmsItsLapse() {
        Instant until = in(Duration.ofDays(30));
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", until))
                .when(new RevokeQualification("c-1", null, "HOT_WORK", " fire watch skipped "))
                .expectEvents(new QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.REVOKED, "fire watch skipped"))
                .expectNoScheduledDeadlines();
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", until),
                        new RevokeQualification("c-1", null, "HOT_WORK", "fire watch skipped"))
                .whenTimeAdvancesTo(until.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void onlyAHeldQualificationCanBeRevoked() {
        fixture.givenCommands(register)
                .when(new RevokeQualification("c-1", null, "HOT_WORK", "never had it"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Contractor Acme Welding (c-1) does not hold qualification HOT_WORK; "
                        + "only a held qualification can be revoked")
                .expectNoEvents();
        fixture.given(new ContractorRegistered("c-1", "s-1", "Acme Welding", null),
                        new QualificationGranted("c-1", "s-1", "HOT_WORK", null),
                        new QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.EXPIRED, null))
                .when(new RevokeQualification("c-1", null, "HOT_WORK", "again"))
                .expectException(Matchers.predicate(e -> e instanceof DomainRuleViolation v && v.code().equals("contractor.qualification-not-held")))
                .expectNoEvents();
    }

    @Test
    void aLapsedQualificationCanBeGrantedAgain() {
        fixture.given(new ContractorRegistered("c-1", "s-1", "Acme Welding", null),
                        new QualificationGranted("c-1", "s-1", "HOT_WORK", null),
                        new QualificationLapsed("c-1", "s-1", "HOT_WORK", LapseReason.REVOKED, "x"))
                .when(new GrantQualification("c-1", null, "HOT_WORK", null))
                .expectEvents(new QualificationGranted("c-1", "s-1", "HOT_WORK", null));
    }

    @Test
    void qualificationsAreUpperCaseCodesAndRevocationsNeedAReason() {
        fixture.givenCommands(register).when(new GrantQualification("c-1", null, "hot work", null))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("qualification")))
                .expectNoEvents();
        fixture.givenCommands(register, new GrantQualification("c-1", null, "HOT_WORK", null))
                .when(new RevokeQualification("c-1", null, "HOT_WORK", ""))
                .expectException(Matchers.predicate(e -> e instanceof InvalidValueException v && v.field().equals("reason")))
                .expectNoEvents();
    }
}
