package io.sitework.notification.process;

import java.util.Objects;

/**
 * What a rule decided to tell one person about one event. Which channels carry it (today: the in-app
 * inbox) is decided when it is delivered, not by the rule.
 *
 * @param recipientId the user to notify
 * @param subjectId   what the notification is about (e.g. the work id), for the portal to link to
 * @param title       one line
 * @param body        a few lines of plain text
 */
public record PlannedNotification(String recipientId, String subjectId, String title, String body) {

    public PlannedNotification {
        if (recipientId == null || recipientId.isBlank()) {
            throw new IllegalArgumentException("recipientId is required");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
