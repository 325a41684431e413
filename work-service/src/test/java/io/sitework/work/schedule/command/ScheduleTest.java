package io.sitework.work.schedule.command;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.ScheduleCommands.CreateSchedule;
import io.sitework.work.schedule.api.ScheduleCommands.PauseSchedule;
import io.sitework.work.schedule.api.ScheduleCommands.ResumeSchedule;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleCreated;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.ScheduleEvents.SchedulePaused;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleResumed;
import io.sitework.work.schedule.api.WorkTemplate;
import io.sitework.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

    private static final String ID = "3f0c7d4e-0000-4000-8000-000000000001";
    private static final String SITE = "site-1";
    private static final String PARIS = "Europe/Paris";
    /** Friday 27 March 2026, 13:00 in Paris; clocks go forward on Sunday the 29th. */
    private static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");
    private static final Recurrence SIX_DAILY = Recurrence.daily(LocalTime.of(6, 0));
    private static final Instant SAT_6 = Instant.parse("2026-03-28T05:00:00Z");
    private static final Instant SUN_6 = Instant.parse("2026-03-29T04:00:00Z");
    private static final Instant MON_6 = Instant.parse("2026-03-30T04:00:00Z");

    private AggregateTestFixture<Schedule> fixture;
    private FixtureClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
        clock = new FixtureClock(() -> fixture.currentTime());
        fixture.registerInjectableResource(clock);
    }

    private static WorkTemplate template() {
        return new WorkTemplate(WorkKind.ROUND, "Boiler house round", "Walk the boiler house", Priority.MEDIUM, "bruno",
                List.of("a-1"), List.of(new ChecklistItemSpec("pressure", "Steam pressure", ChecklistItemSpec.ChecklistItemType.NUMBER,
                true, "bar", new BigDecimal("8"), new BigDecimal("12"), null, null, true)), Duration.ofHours(2));
    }

    private static CreateSchedule create(Recurrence recurrence) {
        return new CreateSchedule(ID, SITE, PARIS, recurrence, template());
    }

    private static ScheduleCreated created(Instant first) {
        return new ScheduleCreated(ID, SITE, PARIS, SIX_DAILY, template(), first);
    }

    private static ScheduleOccurred occurred(Instant occurrence, Instant missedSince, Instant next) {
        return new ScheduleOccurred(ID, SITE, occurrence, Schedule.workIdFor(ID, occurrence), occurrence.plus(Duration.ofHours(2)),
                template(), missedSince, next);
    }

    // --- creation ---

    @Test
    void creatingAScheduleRecordsItAndSetsTheDeadlineOfTheFirstOccurrence() {
        fixture.givenCurrentTime(NOW)
                .when(create(SIX_DAILY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(SAT_6))
                .expectScheduledDeadline(SAT_6, SAT_6)
                .expectScheduledDeadlineWithName(SAT_6, Schedule.OCCURRENCE_DEADLINE);
    }

    @Test
    void creationNormalisesTheTemplateAndTheRecurrence() {
        WorkTemplate untidy = new WorkTemplate(WorkKind.DAILY_COMMITMENT, "  Shift handover  ", "  ", Priority.LOW, " ",
                List.of("a-1", "a-1"), null, Duration.ofMinutes(30));
        Recurrence weekly = Recurrence.weekly(LocalTime.of(7, 0), DayOfWeek.FRIDAY, DayOfWeek.MONDAY);

        fixture.givenCurrentTime(NOW)
                .when(new CreateSchedule(ID, SITE, " Europe/Paris ", weekly, untidy))
                .expectEvents(new ScheduleCreated(ID, SITE, PARIS, Recurrence.weekly(LocalTime.of(7, 0), DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        new WorkTemplate(WorkKind.DAILY_COMMITMENT, "Shift handover", null, Priority.LOW, null, List.of("a-1"), List.of(),
                                Duration.ofMinutes(30)),
                        Instant.parse("2026-03-30T05:00:00Z"))); // Monday 07:00 in Paris (summer time)
    }

    @Test
    void aCronScheduleStartsAtTheNextMatchInTheSiteZone() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateSchedule(ID, SITE, "America/Chicago", Recurrence.cron(" 0 0 6 * * MON-FRI "), template()))
                .expectEvents(new ScheduleCreated(ID, SITE, "America/Chicago", Recurrence.cron("0 0 6 * * MON-FRI"), template(),
                        Instant.parse("2026-03-30T11:00:00Z"))); // Monday 06:00 CDT
    }

    private void refusedAsInvalid(CreateSchedule command, String field) {
        fixture.givenCurrentTime(NOW)
                .when(command)
                .expectException(InvalidValueException.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        try {
            ScheduleRules.validate(command);
        } catch (InvalidValueException e) {
            assertThat(e.field()).isEqualTo(field);
            return;
        }
        throw new AssertionError("expected " + field + " to be refused");
    }

    private static WorkTemplate withTitle(String title) {
        WorkTemplate t = template();
        return new WorkTemplate(t.kind(), title, t.description(), t.priority(), t.ownerId(), t.assetIds(), t.checklist(), t.duration());
    }

    private static WorkTemplate withDuration(Duration duration) {
        WorkTemplate t = template();
        return new WorkTemplate(t.kind(), t.title(), t.description(), t.priority(), t.ownerId(), t.assetIds(), t.checklist(), duration);
    }

    @Test
    void creationRefusesWhatCouldNeverMakeWorkNamingTheField() {
        refusedAsInvalid(new CreateSchedule(ID, SITE, null, SIX_DAILY, template()), "timeZone");
        refusedAsInvalid(new CreateSchedule(ID, SITE, "Mars/Olympus_Mons", SIX_DAILY, template()), "timeZone");
        refusedAsInvalid(new CreateSchedule(ID, SITE, "+02:00", SIX_DAILY, template()), "timeZone");
        refusedAsInvalid(new CreateSchedule(ID, SITE, "CET", SIX_DAILY, template()), "timeZone");
        refusedAsInvalid(new CreateSchedule(ID, null, PARIS, SIX_DAILY, template()), "siteId");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, null, template()), "recurrence");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, Recurrence.cron("at dawn"), template()), "recurrence.cron");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, Recurrence.monthly(32, LocalTime.NOON), template()), "recurrence.dayOfMonth");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, null), "template");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withTitle(" ")), "template.title");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withTitle("x".repeat(201))), "template.title");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withDuration(null)), "template.duration");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withDuration(Duration.ZERO)), "template.duration");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withDuration(Duration.ofHours(-1))), "template.duration");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, withDuration(Duration.ofDays(400))), "template.duration");
        WorkTemplate t = template();
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, new WorkTemplate(null, t.title(), null, t.priority(), null,
                null, null, t.duration())), "template.kind");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, new WorkTemplate(t.kind(), t.title(), null, null, null,
                null, null, t.duration())), "template.priority");
        refusedAsInvalid(new CreateSchedule(ID, SITE, PARIS, SIX_DAILY, new WorkTemplate(t.kind(), t.title(), null, t.priority(), null,
                null, List.of(new ChecklistItemSpec("valve", "Valve", ChecklistItemSpec.ChecklistItemType.CHOICE, true, null, null, null,
                List.of(), List.of(), false)), t.duration())), "template.checklist");
    }

    // --- pause and resume ---

    @Test
    void pausingStopsTheOccurrences() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY))
                .when(new PauseSchedule(ID, null))
                .expectEvents(new SchedulePaused(ID, SITE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPausedScheduleMakesNoWorkWhileTimePasses() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY), new PauseSchedule(ID, null))
                .whenTimeAdvancesTo(MON_6.plusSeconds(1))
                .expectNoEvents()
                .expectTriggeredDeadlines();
    }

    @Test
    void pausingAPausedScheduleIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY), new PauseSchedule(ID, null))
                .when(new PauseSchedule(ID, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Schedule " + ID + " is already paused")
                .expectNoEvents();
    }

    @Test
    void resumingStartsAgainFromTheNextOccurrenceAfterNowWithoutMakingUpThePause() {
        Instant sundayNoon = Instant.parse("2026-03-29T10:00:00Z");
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY), new PauseSchedule(ID, null))
                .andGivenCurrentTime(sundayNoon)
                .when(new ResumeSchedule(ID, null))
                .expectEvents(new ScheduleResumed(ID, SITE, MON_6))
                .expectScheduledDeadline(MON_6, MON_6);
    }

    @Test
    void resumingAnActiveScheduleIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY))
                .when(new ResumeSchedule(ID, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    // --- occurrences ---

    @Test
    void anOccurrenceRecordsItsWorkAndSetsTheNextDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY))
                .whenTimeElapses(Duration.between(NOW, SAT_6))
                .expectTriggeredDeadlinesWithName(Schedule.OCCURRENCE_DEADLINE)
                .expectTriggeredDeadlines(SAT_6)
                .expectEvents(occurred(SAT_6, null, SUN_6))
                .expectScheduledDeadline(SUN_6, SUN_6);
    }

    @Test
    void occurrencesStayAtSixLocalAcrossTheDstChange() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY))
                .whenTimeAdvancesTo(MON_6)
                .expectEvents(occurred(SAT_6, null, SUN_6), occurred(SUN_6, null, MON_6), occurred(MON_6, null,
                        Instant.parse("2026-03-31T04:00:00Z")));
    }

    @Test
    void theWorkIdOfAnOccurrenceIsDeterministic() {
        assertThat(Schedule.workIdFor(ID, SAT_6)).isEqualTo(Schedule.workIdFor(ID, Instant.parse("2026-03-28T05:00:00Z")))
                .isNotEqualTo(Schedule.workIdFor(ID, SUN_6))
                .isNotEqualTo(Schedule.workIdFor("another", SAT_6))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aLateDeadlineCatchesUpWithOnlyTheMostRecentOccurrenceAndSkipsTheRest() {
        // the service was down from Friday until Monday 09:00 Paris: Saturday's deadline fires then
        Instant mondayNine = Instant.parse("2026-03-30T07:00:00Z");
        var given = fixture.givenCurrentTime(NOW).andGivenCommands(create(SIX_DAILY));
        clock.override(mondayNine);
        given.whenTimeAdvancesTo(SAT_6)
                .expectEvents(occurred(MON_6, SAT_6, Instant.parse("2026-03-31T04:00:00Z")))
                .expectScheduledDeadline(Instant.parse("2026-03-31T04:00:00Z"), Instant.parse("2026-03-31T04:00:00Z"));
    }

    @Test
    void aDeadlineFiringAgainAfterItsOccurrenceWasRecordedChangesNothing() {
        // a deadline (re)delivered for an occurrence that is not the next one: e.g. the instance died after
        // recording the occurrence and before db-scheduler removed the execution
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY))
                .andGiven(occurred(SAT_6, null, SUN_6))
                .whenTimeAdvancesTo(SAT_6.plusSeconds(1))
                .expectTriggeredDeadlines(SAT_6)
                .expectNoEvents();
    }

    @Test
    void aPauseAndResumeOnTheSameDayLeavesOneDeadline() {
        Instant fridayEvening = Instant.parse("2026-03-27T18:00:00Z");
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(create(SIX_DAILY), new PauseSchedule(ID, null))
                .andGivenCurrentTime(fridayEvening)
                .andGivenCommands(new ResumeSchedule(ID, null))
                .whenTimeAdvancesTo(SAT_6)
                .expectEvents(occurred(SAT_6, null, SUN_6))
                .expectTriggeredDeadlines(SAT_6);
    }

    @Test
    void aSnapshotOfAScheduleReadsBackAsTheSameState() {
        Schedule schedule = new Schedule();
        schedule.on(created(SAT_6));
        schedule.on(occurred(SAT_6, null, SUN_6));
        Serializer serializer = new AxonSupportAutoConfiguration().serializer();

        SerializedObject<byte[]> snapshot = serializer.serialize(schedule, byte[].class);
        Schedule restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(schedule);
        assertThat(new String(snapshot.getData(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"nextOccurrence\":\"" + SUN_6 + "\"");
    }

    /** A clock that follows the fixture's time, or a fixed instant to simulate a deadline firing late. */
    static final class FixtureClock extends Clock {

        private final Supplier<Instant> fixtureTime;
        private Instant override;

        FixtureClock(Supplier<Instant> fixtureTime) {
            this.fixtureTime = fixtureTime;
        }

        void override(Instant instant) {
            this.override = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return override != null ? override : fixtureTime.get();
        }
    }
}
