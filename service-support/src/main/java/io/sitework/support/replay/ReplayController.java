package io.sitework.support.replay;

import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding this service's read models, for an organisation admin (Permission.AUDIT_OPERATE). The
 * service is named in the path so the gateway can route one URL space to every service.
 */
@RestController
@RequestMapping("/api/admin/replay/{service}/{projection}")
public class ReplayController {

    private final ReadModelRebuilds rebuilds;
    private final SiteAccess access;
    private final String serviceName;

    public ReplayController(ReadModelRebuilds rebuilds, SiteAccess access, String serviceName) {
        this.rebuilds = rebuilds;
        this.access = access;
        this.serviceName = serviceName;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReplayProgress start(@PathVariable String service, @PathVariable String projection) {
        check(service);
        return rebuilds.start(projection);
    }

    @GetMapping
    public ReplayProgress progress(@PathVariable String service, @PathVariable String projection) {
        check(service);
        return rebuilds.progress(projection);
    }

    private void check(String service) {
        access.checkOrganisation(Permission.AUDIT_OPERATE);
        if (!serviceName.equals(service)) {
            throw new NotFoundException("No service " + service + " here (this is " + serviceName + ")");
        }
    }
}
