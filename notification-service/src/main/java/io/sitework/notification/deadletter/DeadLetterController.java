package io.sitework.notification.deadletter;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.notification.process.NotificationDispatcher;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.ForbiddenException;
import io.sitework.support.security.SiteworkUser;
import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Set;

/**
 * Dead-lettered events, for an organisation admin (Permission.NOTIFICATION_OPERATE): see them and retry
 * one once its cause is fixed (a retry runs the same, idempotent dispatch as the consumer does).
 */
@RestController
@RequestMapping("/api/notifications/dead-letters")
@Tag(name = "Dead letters", description = "Events notification-service could not process")
public class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);
    private static final Set<String> STATUSES = Set.of("OPEN", "RESOLVED");

    private final DeadLetterStore store;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public DeadLetterController(DeadLetterStore store, NotificationDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Dead letters, newest first (org admins only)")
    public Paging.Page<DeadLetter> list(@RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        orgAdmin();
        Paging.validate(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status", "status must be one of " + STATUSES);
        }
        return new Paging.Page<>(store.list(status, page, size), page, size, store.count(status));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Processes the dead-lettered event again: RESOLVED if it passes; still OPEN, with the failure in its retries, if not")
    public DeadLetter retry(@PathVariable String id) {
        SiteworkUser user = orgAdmin();
        DeadLetter letter = store.find(id).orElseThrow(() -> new NotFoundException("No dead letter " + id));
        if ("RESOLVED".equals(letter.status())) {
            throw new DomainRuleViolation("dead-letter.resolved", "Dead letter " + id + " was already processed at " + letter.resolvedAt());
        }
        try {
            CloudEvent event = CloudEventCodec.fromJson(letter.value());
            dispatcher.dispatch(event);
        } catch (RuntimeException e) {
            Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
            String failure = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            store.recordRetry(id, new DeadLetter.Retry(clock.instant(), user.subject(), false, failure));
            log.warn("Retry of dead letter {} failed again: {}", id, failure);
            // the attempt happened and is part of the letter's history: answered with the letter, still OPEN
            return store.find(id).orElseThrow();
        }
        store.recordRetry(id, new DeadLetter.Retry(clock.instant(), user.subject(), true, null));
        return store.find(id).orElseThrow();
    }

    private static SiteworkUser orgAdmin() {
        SiteworkUser user = CurrentUser.get();
        if (!user.orgAdmin()) {
            throw new ForbiddenException("Only an organisation admin operates the notification pipeline");
        }
        return user;
    }
}
