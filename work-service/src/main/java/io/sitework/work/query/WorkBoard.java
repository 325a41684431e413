package io.sitework.work.query;

import io.sitework.work.api.WorkStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The counts of one site's work board, as of {@code asOf}. "Open" work is REQUESTED, PLANNED,
 * IN_PROGRESS or ON_HOLD; {@code blocked}, {@code overdue} and {@code dueToday} count open work only.
 *
 * @param byStatus every status with its count (zero included)
 * @param total    all work of the site, whatever its status
 * @param open     open work
 * @param blocked  open work with at least one open blocker
 * @param overdue  open work whose due instant has passed ({@code dueAt <= asOf})
 * @param dueToday open work due on {@code today}, the date of {@code asOf} in {@code zone}
 *                 (work due earlier today is also counted as overdue)
 * @param ready    PLANNED work that is not blocked: what can start now
 */
public record WorkBoard(String siteId, String zone, LocalDate today, Instant asOf, Map<WorkStatus, Long> byStatus,
                        long total, long open, long blocked, long overdue, long dueToday, long ready) {
}
