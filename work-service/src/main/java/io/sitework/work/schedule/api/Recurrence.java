package io.sitework.work.schedule.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When a schedule occurs, in its site's time zone (see {@code Recurrences} for the exact rules):
 * <ul>
 *   <li>{@code DAILY} at {@code time};</li>
 *   <li>{@code WEEKLY} on {@code daysOfWeek} at {@code time};</li>
 *   <li>{@code MONTHLY} on {@code dayOfMonth} (1–31; a month without that day uses its last day) at {@code time};</li>
 *   <li>{@code CRON}: a Spring cron expression of six fields, seconds first ({@code "0 0 6 * * MON-FRI"}).</li>
 * </ul>
 * Fields that do not belong to the type are absent.
 */
public record Recurrence(Type type, LocalTime time, List<DayOfWeek> daysOfWeek, Integer dayOfMonth, String cron) {

    public enum Type {
        DAILY, WEEKLY, MONTHLY, CRON
    }

    public Recurrence {
        daysOfWeek = Collections.unmodifiableList(daysOfWeek == null ? new ArrayList<>() : new ArrayList<>(daysOfWeek));
    }

    public static Recurrence daily(LocalTime time) {
        return new Recurrence(Type.DAILY, time, List.of(), null, null);
    }

    public static Recurrence weekly(LocalTime time, DayOfWeek... days) {
        return new Recurrence(Type.WEEKLY, time, List.of(days), null, null);
    }

    public static Recurrence monthly(int dayOfMonth, LocalTime time) {
        return new Recurrence(Type.MONTHLY, time, List.of(), dayOfMonth, null);
    }

    public static Recurrence cron(String expression) {
        return new Recurrence(Type.CRON, null, List.of(), null, expression);
    }
}
