package io.sitework.context.web;

import io.sitework.support.axon.EventHistory;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import org.springframework.http.ResponseEntity;

/** The answer of every {@code GET …/{id}/history}: a page of the item's events, tagged with its last version. */
public final class HistoryResponses {

    /** Most histories fit in one page. */
    public static final String DEFAULT_SIZE = "" + Paging.MAX_SIZE;

    private HistoryResponses() {
    }

    /** Call after the caller's read access to the item was checked. */
    public static ResponseEntity<Paging.Page<EventHistory.Entry>> page(EventHistory history, String aggregateId, int page, int size) {
        Paging.validate(page, size);
        Paging.Page<EventHistory.Entry> events = history.page(aggregateId, page, size);
        return ResponseEntity.ok().eTag(ETags.of(events.total() - 1)).body(events);
    }
}
