package io.sitework.notification.timers;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Something to check later: is this work due soon, still overdue, still blocked? The id is derived
 * from what it checks, so scheduling it again changes nothing, and it names the trigger of the
 * notifications it causes (one per recipient and channel, whatever happens to this service).
 *
 * @param dueAt     the due instant it was set for (DUE_SOON, OVERDUE_ESCALATED): stale if the work's changed
 * @param blockerId the blocker it watches (BLOCKED_ESCALATED): stale once resolved
 * @param status    PENDING, CLAIMED (being fired; {@code leaseUntil} says until when), FIRED or STALE
 */
@Document(Timer.COLLECTION)
public record Timer(@Id String id, TimerKind kind, String workId, String siteId, Instant dueAt, String blockerId, long sequence,
                    Instant fireAt, String status, Instant leaseUntil, Instant doneAt) {

    public static final String COLLECTION = "notification_timers";

    public enum TimerKind {
        DUE_SOON, OVERDUE_ESCALATION, BLOCKED_ESCALATION
    }

    public static Timer dueSoon(String workId, String siteId, Instant dueAt, long sequence, Instant fireAt) {
        return new Timer("due-soon:" + workId + ":" + sequence, TimerKind.DUE_SOON, workId, siteId, dueAt, null, sequence, fireAt,
                "PENDING", null, null);
    }

    public static Timer overdueEscalation(String workId, String siteId, Instant dueAt, long sequence, Instant fireAt) {
        return new Timer("overdue-escalation:" + workId + ":" + sequence, TimerKind.OVERDUE_ESCALATION, workId, siteId, dueAt, null,
                sequence, fireAt, "PENDING", null, null);
    }

    public static Timer blockedEscalation(String workId, String siteId, String blockerId, long sequence, Instant fireAt) {
        return new Timer("blocked-escalation:" + workId + ":" + sequence, TimerKind.BLOCKED_ESCALATION, workId, siteId, null, blockerId,
                sequence, fireAt, "PENDING", null, null);
    }
}
