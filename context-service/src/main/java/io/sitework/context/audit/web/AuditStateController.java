package io.sitework.context.audit.web;

import io.sitework.context.audit.api.SiteContextState;
import io.sitework.context.audit.query.SiteContextStates;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An auditor's question "which permits, isolations and asset statuses were live on this site at that
 * instant", answered from the event store. The gateway combines it with work-service's half into
 * {@code GET /api/audit/state}.
 */
@RestController
public class AuditStateController {

    private final SiteContextStates states;
    private final SiteAccess access;
    private final Clock clock;

    public AuditStateController(SiteContextStates states, SiteAccess access, ObjectProvider<Clock> clock) {
        this.states = states;
        this.access = access;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/audit/state/context")
    public SiteContextState state(@RequestParam UUID siteId,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf.isAfter(clock.instant())) {
            throw new BadRequestException("asOf", "must not be in the future");
        }
        access.listableSites(Permission.AUDIT_READ, siteId.toString()); // 403 unless the caller may audit the site
        return states.asOf(siteId.toString(), asOf);
    }
}
