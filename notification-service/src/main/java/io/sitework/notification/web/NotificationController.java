package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxCounts;
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
    private final LiveInbox live;
    private final Clock clock;

    public NotificationController(InboxStore inbox, LiveInbox live, Clock clock) {
        this.inbox = inbox;
        this.live = live;
        this.clock = clock;
    }

    /** What the portal's badge shows. */
    @GetMapping("/counts")
    @Operation(summary = "How many entries the caller's inbox holds, and how many are unread")
    public InboxCounts counts() {
        return inbox.countsFor(CurrentUser.get().subject());
    }

    /** How many entries this call marked read. */
    public record MarkedRead(long marked) {
    }

    @PostMapping("/read-all")
    @Operation(summary = "Marks every unread entry of the caller's read; entries read before keep their first read time")
    public MarkedRead markAllRead() {
        String user = CurrentUser.get().subject();
        long marked = inbox.markAllRead(user, clock.instant());
        if (marked > 0) {
            live.countsChanged(user);
        }
        return new MarkedRead(marked);
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
        String user = CurrentUser.get().subject();
        NotificationView view = inbox.markRead(id, user, clock.instant())
                .map(NotificationView::of)
                .orElseThrow(() -> new NotFoundException("No notification with id " + id));
        live.countsChanged(user);
        return view;
    }
}
