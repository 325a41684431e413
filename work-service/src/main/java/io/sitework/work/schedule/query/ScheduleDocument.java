package io.sitework.work.schedule.query;

import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.ScheduleView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule as folded from its events ({@link ScheduleFold}): the read model of the schedule list
 * (MongoDB collection {@code schedules}) and the state single reads build from the event store.
 * Times of day and durations are kept as ISO strings. {@code version} is the sequence number of the
 * last applied event, which makes the projection idempotent.
 */
@Document("schedules")
public class ScheduleDocument {

    @Id
    public String id;
    @Indexed
    public String siteId;
    public String timeZone;
    public RecurrenceEntry recurrence;
    public TemplateEntry template;
    /** Copies of the template's kind and title, to filter and sort on. */
    public WorkKind kind;
    public String title;
    public boolean active;
    public Instant nextOccurrence;
    public Instant lastOccurrence;
    public String lastWorkId;
    public long occurrences;
    public String createdBy;
    public Instant createdAt;
    public String pausedBy;
    public Instant pausedAt;
    public String resumedBy;
    public Instant resumedAt;
    public Instant updatedAt;
    public long version = -1;

    public static class RecurrenceEntry {
        public Recurrence.Type type;
        public String time;
        public List<DayOfWeek> daysOfWeek = new ArrayList<>();
        public Integer dayOfMonth;
        public String cron;

        static RecurrenceEntry of(Recurrence r) {
            RecurrenceEntry e = new RecurrenceEntry();
            e.type = r.type();
            e.time = r.time() == null ? null : r.time().toString();
            e.daysOfWeek = new ArrayList<>(r.daysOfWeek());
            e.dayOfMonth = r.dayOfMonth();
            e.cron = r.cron();
            return e;
        }

        Recurrence toRecurrence() {
            return new Recurrence(type, time == null ? null : LocalTime.parse(time), daysOfWeek, dayOfMonth, cron);
        }
    }

    public static class TemplateEntry {
        public WorkKind kind;
        public String title;
        public String description;
        public Priority priority;
        public String ownerId;
        public List<String> assetIds = new ArrayList<>();
        public List<ChecklistItemSpec> checklist = new ArrayList<>();
        public String duration;
    }

    public ScheduleView toView() {
        return new ScheduleView(id, siteId, timeZone, recurrence == null ? null : recurrence.toRecurrence(),
                template == null ? null : new ScheduleView.Template(template.kind, template.title, template.description,
                        template.priority, template.ownerId, List.copyOf(template.assetIds), List.copyOf(template.checklist),
                        template.duration),
                active, nextOccurrence, lastOccurrence, lastWorkId, occurrences, createdBy, createdAt, pausedBy, pausedAt,
                resumedBy, resumedAt, updatedAt, version);
    }
}
