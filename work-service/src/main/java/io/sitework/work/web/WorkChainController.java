package io.sitework.work.web;

import io.sitework.support.audit.ChainVerifier;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Tamper evidence for an auditor: whether a work item's stored events still form the hash chain the
 * database set when they were stored. The site comes from the aggregate-site record, not from the
 * (possibly tampered) events.
 */
@RestController
public class WorkChainController {

    private static final String AGGREGATE_TYPE = "Work";

    private final ChainVerifier verifier;
    private final SiteAccess access;

    public WorkChainController(ChainVerifier verifier, SiteAccess access) {
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/api/audit/work/{id}/verify")
    public ChainVerifier.Verdict verify(@PathVariable UUID id) {
        String notFound = "No work with id " + id;
        String site = verifier.siteOf(id.toString(), AGGREGATE_TYPE).orElseThrow(() -> new NotFoundException(notFound));
        access.checkRead(Permission.AUDIT_READ, site, notFound);
        return verifier.verify(id.toString(), AGGREGATE_TYPE);
    }
}
