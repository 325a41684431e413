package io.sitework.work.schedule.query;

import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleCreated;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.ScheduleEvents.SchedulePaused;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleResumed;
import io.sitework.work.schedule.api.ScheduleView;
import io.sitework.work.schedule.api.WorkTemplate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule list projection as a plain object over a map-backed store. */
class ScheduleProjectionTest {

    private final Map<String, ScheduleDocument> saved = new HashMap<>();
    private int saves;
    private final ScheduleStore store = new ScheduleStore() {
        @Override
        public Optional<ScheduleDocument> find(String scheduleId) {
            return Optional.ofNullable(saved.get(scheduleId));
        }

        @Override
        public void save(ScheduleDocument document) {
            saves++;
            saved.put(document.id, document);
        }

        @Override
        public void clear() {
            saved.clear();
        }
    };
    private final ScheduleProjection projection = new ScheduleProjection(store);

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Recurrence WEEKLY = Recurrence.weekly(LocalTime.of(7, 0), DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    private static final WorkTemplate TEMPLATE = new WorkTemplate(WorkKind.MAINTENANCE_PREVENTIVE, "Grease conveyor bearings", null,
            Priority.MEDIUM, "bruno", List.of("a-1"), List.of(), Duration.ofHours(4));
    private static final Instant MON = Instant.parse("2026-11-30T06:00:00Z");
    private static final Instant THU = Instant.parse("2026-12-03T06:00:00Z");

    private static GenericDomainEventMessage<Object> message(Object payload, long sequence, String actor, Instant at) {
        return new GenericDomainEventMessage<>("Schedule", "sch-1", sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, actor), "e-" + sequence, at);
    }

    private final ScheduleCreated created = new ScheduleCreated("sch-1", "s-1", "Europe/Paris", WEEKLY, TEMPLATE, MON);

    @Test
    void followsTheScheduleAndRecordsWhoAndWhen() {
        projection.on(created, message(created, 0, "paula", T0), 0);
        ScheduleOccurred occurred = new ScheduleOccurred("sch-1", "s-1", MON, "w-1", MON.plus(Duration.ofHours(4)), TEMPLATE, null, THU);
        projection.on(occurred, message(occurred, 1, "system:schedule-occurrence", MON), 1);
        SchedulePaused paused = new SchedulePaused("sch-1", "s-1");
        projection.on(paused, message(paused, 2, "sam", MON.plusSeconds(60)), 2);

        ScheduleView view = saved.get("sch-1").toView();
        assertThat(view.siteId()).isEqualTo("s-1");
        assertThat(view.recurrence()).isEqualTo(WEEKLY);
        assertThat(view.template().title()).isEqualTo("Grease conveyor bearings");
        assertThat(view.template().duration()).isEqualTo("PT4H");
        assertThat(view.active()).isFalse();
        assertThat(view.nextOccurrence()).isNull();
        assertThat(view.lastOccurrence()).isEqualTo(MON);
        assertThat(view.lastWorkId()).isEqualTo("w-1");
        assertThat(view.occurrences()).isEqualTo(1);
        assertThat(view.createdBy()).isEqualTo("paula");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.pausedBy()).isEqualTo("sam");
        assertThat(view.version()).isEqualTo(2);
        assertThat(saved.get("sch-1").kind).isEqualTo(WorkKind.MAINTENANCE_PREVENTIVE);
        assertThat(saved.get("sch-1").title).isEqualTo("Grease conveyor bearings");

        ScheduleResumed resumed = new ScheduleResumed("sch-1", "s-1", THU);
        projection.on(resumed, message(resumed, 3, "sam", MON.plusSeconds(120)), 3);
        assertThat(saved.get("sch-1").toView().active()).isTrue();
        assertThat(saved.get("sch-1").toView().nextOccurrence()).isEqualTo(THU);
        assertThat(saved.get("sch-1").toView().resumedBy()).isEqualTo("sam");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(created, message(created, 0, "paula", T0), 0);
        ScheduleOccurred occurred = new ScheduleOccurred("sch-1", "s-1", MON, "w-1", MON.plus(Duration.ofHours(4)), TEMPLATE, null, THU);
        projection.on(occurred, message(occurred, 1, "system:schedule-occurrence", MON), 1);
        int savesBefore = saves;

        projection.on(occurred, message(occurred, 1, "system:schedule-occurrence", MON), 1);
        projection.on(created, message(created, 0, "paula", T0), 0);

        assertThat(saves).isEqualTo(savesBefore);
        assertThat(saved.get("sch-1").occurrences).isEqualTo(1);
        assertThat(saved.get("sch-1").toView().nextOccurrence()).isEqualTo(THU);
    }

    @Test
    void aResetEmptiesTheList() {
        projection.on(created, message(created, 0, "paula", T0), 0);
        projection.reset();
        assertThat(saved).isEmpty();
    }
}
