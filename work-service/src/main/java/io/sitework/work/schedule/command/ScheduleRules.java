package io.sitework.work.schedule.command;

import io.sitework.support.domain.InvalidValueException;
import io.sitework.work.command.ChecklistRules;
import io.sitework.work.schedule.api.Recurrence;
import io.sitework.work.schedule.api.ScheduleCommands.CreateSchedule;
import io.sitework.work.schedule.api.WorkTemplate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a schedule must be to be created, whatever the entry point. The template is checked against
 * the rules of a work request now, so that no occurrence can later fail to create its work. Field
 * names are those of the API ({@code template.title}, {@code recurrence.cron}…).
 */
final class ScheduleRules {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_LINKS = 100;
    static final Duration MAX_DURATION = Duration.ofDays(366);
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private ScheduleRules() {
    }

    static void validate(CreateSchedule command) {
        require(command.scheduleId() != null && !command.scheduleId().isBlank(), "scheduleId", "a schedule id is required");
        require(command.siteId() != null && !command.siteId().isBlank(), "siteId", "a site is required");
        zone(command.timeZone());
        Recurrences.validate(command.recurrence());
        validateTemplate(command.template());
    }

    /** The zone of an IANA name (Europe/Paris); offsets and abbreviations (+02:00, CET) are refused: they know no DST rules of a place. */
    static ZoneId zone(String timeZone) {
        require(timeZone != null && !timeZone.isBlank(), "timeZone", "the site's time zone is required (an IANA name such as Europe/Paris)");
        require(ZONES.contains(timeZone.strip()) && (timeZone.strip().contains("/") || timeZone.strip().equals("UTC")), "timeZone",
                "'" + timeZone + "' is not an IANA time zone name such as Europe/Paris or America/Chicago");
        return ZoneId.of(timeZone.strip());
    }

    static Recurrence normalise(Recurrence r) {
        List<DayOfWeek> days = r.daysOfWeek().stream().distinct().sorted(Comparator.naturalOrder()).toList();
        return new Recurrence(r.type(), r.time(), days, r.dayOfMonth(), r.cron() == null ? null : r.cron().strip());
    }

    static WorkTemplate normalise(WorkTemplate t) {
        return new WorkTemplate(t.kind(), t.title().strip(), blankToNull(t.description()), t.priority(), blankToNull(t.ownerId()),
                t.assetIds().stream().distinct().toList(), t.checklist(), t.duration());
    }

    private static void validateTemplate(WorkTemplate t) {
        require(t != null, "template", "the work to create at each occurrence is required");
        require(t.kind() != null, "template.kind", "a kind is required");
        require(t.priority() != null, "template.priority", "a priority is required");
        require(t.title() != null && !t.title().isBlank(), "template.title", "a title is required");
        require(t.title().strip().length() <= MAX_TITLE, "template.title", "at most " + MAX_TITLE + " characters");
        require(t.description() == null || t.description().length() <= MAX_TEXT, "template.description", "at most " + MAX_TEXT + " characters");
        require(t.ownerId() == null || t.ownerId().length() <= 100, "template.ownerId", "at most 100 characters");
        require(t.assetIds().size() <= MAX_LINKS && t.assetIds().stream().noneMatch(id -> id == null || id.isBlank()), "template.assetIds",
                "at most " + MAX_LINKS + " assets, none empty");
        require(t.checklist().size() <= 200, "template.checklist", "a checklist has at most 200 items");
        try {
            ChecklistRules.validate(t.checklist());
        } catch (InvalidValueException e) {
            throw new InvalidValueException("template.checklist", e.getMessage());
        }
        require(t.duration() != null, "template.duration", "how long the work has from each occurrence (e.g. PT2H) is required");
        require(!t.duration().isNegative() && !t.duration().isZero(), "template.duration", "must be positive");
        require(t.duration().compareTo(MAX_DURATION) <= 0, "template.duration", "at most 366 days");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
