package io.sitework.notification.inbox;

/** How many entries a user's inbox holds, and how many of them are unread: the portal's badge. */
public record InboxCounts(long unread, long total) {
}
