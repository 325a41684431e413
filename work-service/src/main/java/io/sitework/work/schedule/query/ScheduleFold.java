package io.sitework.work.schedule.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleCreated;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.ScheduleEvents.SchedulePaused;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleResumed;
import io.sitework.work.schedule.api.WorkTemplate;

import java.util.ArrayList;

/** Applies one schedule event to a {@link ScheduleDocument}: shared by the projection and by single reads. */
public final class ScheduleFold {

    private ScheduleFold() {
    }

    /** @return false when the event is not newer than the document (a redelivery): nothing changed */
    public static boolean apply(ScheduleDocument state, Object event, EventContext ctx) {
        if (ctx.sequence() <= state.version) {
            return false;
        }
        if (event instanceof ScheduleCreated e) {
            state.id = e.scheduleId();
            state.siteId = e.siteId();
            state.timeZone = e.timeZone();
            state.recurrence = ScheduleDocument.RecurrenceEntry.of(e.recurrence());
            state.template = template(e.template());
            state.kind = e.template().kind();
            state.title = e.template().title();
            state.active = true;
            state.nextOccurrence = e.nextOccurrence();
            state.createdBy = ctx.actor();
            state.createdAt = ctx.recordedAt();
        } else if (event instanceof SchedulePaused) {
            state.active = false;
            state.nextOccurrence = null;
            state.pausedBy = ctx.actor();
            state.pausedAt = ctx.recordedAt();
        } else if (event instanceof ScheduleResumed e) {
            state.active = true;
            state.nextOccurrence = e.nextOccurrence();
            state.resumedBy = ctx.actor();
            state.resumedAt = ctx.recordedAt();
        } else if (event instanceof ScheduleOccurred e) {
            state.lastOccurrence = e.occurrence();
            state.lastWorkId = e.workId();
            state.nextOccurrence = e.nextOccurrence();
            state.occurrences++;
        }
        state.updatedAt = ctx.recordedAt();
        state.version = ctx.sequence();
        return true;
    }

    private static ScheduleDocument.TemplateEntry template(WorkTemplate t) {
        ScheduleDocument.TemplateEntry entry = new ScheduleDocument.TemplateEntry();
        entry.kind = t.kind();
        entry.title = t.title();
        entry.description = t.description();
        entry.priority = t.priority();
        entry.ownerId = t.ownerId();
        entry.assetIds = new ArrayList<>(t.assetIds());
        entry.checklist = new ArrayList<>(t.checklist());
        entry.duration = t.duration().toString();
        return entry;
    }
}
