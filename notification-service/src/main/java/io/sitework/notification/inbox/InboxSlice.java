package io.sitework.notification.inbox;

import java.util.List;

/** One page of a user's inbox and how many entries match in all. */
public record InboxSlice(List<InboxEntry> items, long total) {

    public InboxSlice {
        items = List.copyOf(items);
    }
}
