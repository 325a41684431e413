package io.sitework.work.web;

import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import io.sitework.work.api.SiteWorkState;
import io.sitework.work.query.SiteWorkStates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An auditor's question "what work was live on this site at that instant", answered from the event store.
 * The gateway combines it with context-service's half into {@code GET /api/audit/state}.
 */
@RestController
public class AuditStateController {

    private final SiteWorkStates states;
    private final SiteAccess access;
    private final Clock clock;

    public AuditStateController(SiteWorkStates states, SiteAccess access, Clock clock) {
        this.states = states;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/audit/state/work")
    public SiteWorkState state(@RequestParam UUID siteId,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf.isAfter(clock.instant())) {
            throw new BadRequestException("asOf", "must not be in the future");
        }
        access.listableSites(Permission.AUDIT_READ, siteId.toString()); // 403 unless the caller may audit the site
        return states.asOf(siteId.toString(), asOf);
    }
}
