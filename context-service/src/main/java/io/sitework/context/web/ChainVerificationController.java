package io.sitework.context.web;

import io.sitework.support.audit.ChainVerifier;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Tamper evidence for an auditor: whether a permit's or an asset's stored events still form the hash
 * chain the database set when they were stored. The site comes from the aggregate-site record, not
 * from the (possibly tampered) events; an id of another kind of aggregate is not found.
 */
@RestController
public class ChainVerificationController {

    private final ChainVerifier verifier;
    private final SiteAccess access;

    public ChainVerificationController(ChainVerifier verifier, SiteAccess access) {
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/api/audit/permits/{id}/verify")
    public ChainVerifier.Verdict verifyPermit(@PathVariable UUID id) {
        return verify(id.toString(), "Permit", "No permit with id " + id);
    }

    @GetMapping("/api/audit/assets/{id}/verify")
    public ChainVerifier.Verdict verifyAsset(@PathVariable UUID id) {
        return verify(id.toString(), "Asset", "No asset with id " + id);
    }

    private ChainVerifier.Verdict verify(String id, String aggregateType, String notFound) {
        String site = verifier.siteOf(id, aggregateType).orElseThrow(() -> new NotFoundException(notFound));
        access.checkRead(Permission.AUDIT_READ, site, notFound);
        return verifier.verify(id, aggregateType);
    }
}
