package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxSlice;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The in-app inbox. Bad parameters are answered as 400 problems by service-support's advice. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The in-app inbox")
public class NotificationController {

    private final InboxStore inbox;
    private final Clock clock;

    public NotificationController(InboxStore inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The caller's own inbox: the user is the token's subject, so nobody can list another user's inbox. */
    @GetMapping
    @Operation(summary = "The caller's inbox, newest first")
    public Paging.Page<NotificationView> list(
            @Parameter(description = "true: only unread entries; false or absent: all entries")
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most " + Paging.MAX_SIZE)
            @RequestParam(defaultValue = "50") int size) {
        Paging.validate(page, size);
        InboxSlice slice = inbox.findFor(CurrentUser.get().subject(), unread, page, size);
        return new Paging.Page<>(slice.items().stream().map(NotificationView::of).toList(), page, size, slice.total());
    }

    /** Only the entry's owner can mark it read; for anyone else it does not exist. */
    @PostMapping("/{id}/read")
    @Operation(summary = "Marks an entry of the caller's read; repeating it changes nothing (the first read time is kept)")
    public NotificationView markRead(@PathVariable String id) {
        return inbox.markRead(id, CurrentUser.get().subject(), clock.instant())
                .map(NotificationView::of)
                .orElseThrow(() -> new NotFoundException("No notification with id " + id));
    }
}
