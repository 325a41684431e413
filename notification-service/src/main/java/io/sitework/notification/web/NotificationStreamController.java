package io.sitework.notification.web;

import io.sitework.support.security.CurrentUser;
import io.sitework.support.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's inbox as server-sent events, for the portal. Only ever the token subject's own entries;
 * the format is in docs/api.md.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The in-app inbox")
public class NotificationStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveInbox live;

    public NotificationStreamController(LiveInbox live) {
        this.live = live;
    }

    @GetMapping("/stream")
    @Operation(summary = "The caller's new inbox entries as server-sent events (text/event-stream)",
            description = "Events: 'notification' (id = the entry's seq, data = the entry) and 'counts' ({unread, total}). "
                    + "With Last-Event-ID (or ?lastEventId=), the entries stored after that id are replayed first, oldest first.")
    public SseEmitter stream(
            @Parameter(description = "The id of the last event received; what was stored after it is replayed first")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
            @Parameter(description = "The same as the Last-Event-ID header, for clients that cannot set headers; the header wins")
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        Long lastEventId = lastEventId(lastEventIdHeader, lastEventIdParam);
        return live.connect(CurrentUser.get().subject(), lastEventId);
    }

    /** Null when neither is given (or blank): then nothing is replayed. */
    static Long lastEventId(String header, String param) {
        boolean fromHeader = header != null && !header.isBlank();
        String value = fromHeader ? header : param;
        if (value == null || value.isBlank()) {
            return null;
        }
        String field = fromHeader ? LAST_EVENT_ID : "lastEventId";
        try {
            long id = Long.parseLong(value.strip());
            if (id < 0) {
                throw new BadRequestException(field, "must be the non-negative id of an event of this stream");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, "must be the non-negative id of an event of this stream");
        }
    }
}
