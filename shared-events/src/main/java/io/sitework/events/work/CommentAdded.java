package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.comment_added.v1}: someone commented on the work. */
public record CommentAdded(String workId, String siteId, String commentId, String text, String author) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
