package io.sitework.context.permit.web;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.PermitCommands;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.permit.query.PermitReader;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.ForbiddenException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.security.SiteworkUser;
import io.sitework.support.web.ETags;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/**
 * The permit lifecycle and its isolation points, one endpoint per step. Every command checks the
 * caller's roles on the permit's own site (from its first event), carries the caller's If-Match
 * version, and answers with the permit as it now is and its new ETag.
 */
@RestController
@RequestMapping("/api/permits")
public class PermitCommandController {

    private final CommandGateway commands;
    private final PermitReader reader;
    private final SiteAccess access;

    public PermitCommandController(CommandGateway commands, PermitReader reader, SiteAccess access) {
        this.commands = commands;
        this.reader = reader;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<PermitView> request(@Valid @RequestBody PermitRequests.RequestPermitBody body, UriComponentsBuilder uris) {
        access.checkCommand(Permission.PERMIT_REQUEST, body.siteId().toString());
        String permitId = UUID.randomUUID().toString();
        List<IsolationPoint> isolations = body.isolations() == null ? List.of() : body.isolations().stream()
                .map(i -> new IsolationPoint(UUID.randomUUID().toString(), i.point(), i.method(),
                        i.assetId() == null ? null : i.assetId().toString()))
                .toList();
        commands.sendAndWait(new PermitCommands.RequestPermit(permitId, body.siteId().toString(), body.type(), strings(body.workIds()),
                strings(body.assetIds()), body.hazards(), body.controls(), body.validFrom(), body.validTo(), isolations),
                CommandMetadata.current());
        PermitView view = reader.get(permitId);
        return ResponseEntity.created(uris.path("/api/permits/{id}").buildAndExpand(permitId).toUri()).eTag(ETags.of(view.version())).body(view);
    }

    @PostMapping("/{id}/approve")
    public ResponseEntity<PermitView> approve(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.ApprovePermit(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/reject")
    public ResponseEntity<PermitView> reject(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody PermitRequests.ReasonBody body) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.RejectPermit(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/issue")
    public ResponseEntity<PermitView> issue(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody(required = false) PermitRequests.IssueBody body) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.IssuePermit(id.toString(), ETags.expectedVersion(ifMatch),
                body == null ? null : body.holderId()));
    }

    @PostMapping("/{id}/suspend")
    public ResponseEntity<PermitView> suspend(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody PermitRequests.ReasonBody body) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.SuspendPermit(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/resume")
    public ResponseEntity<PermitView> resume(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.ResumePermit(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/handback")
    public ResponseEntity<PermitView> handBack(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_HAND_BACK, new PermitCommands.HandBackPermit(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<PermitView> close(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_AUTHORIZE, new PermitCommands.ClosePermit(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    /** A permit authority may cancel any permit of the site; whoever requested it may cancel their own. */
    @PostMapping("/{id}/cancel")
    public ResponseEntity<PermitView> cancel(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody PermitRequests.ReasonBody body) {
        String site = siteOf(id);
        SiteworkUser user = CurrentUser.get();
        if (!user.can(Permission.PERMIT_AUTHORIZE, site)) {
            access.checkCommand(Permission.PERMIT_REQUEST, site);
            if (!user.subject().equals(reader.get(id.toString()).requestedBy())) {
                throw new ForbiddenException("Only a permit authority or the permit's requester may cancel permit " + id);
            }
        }
        commands.sendAndWait(new PermitCommands.CancelPermit(id.toString(), ETags.expectedVersion(ifMatch), body.reason()),
                CommandMetadata.current());
        return current(id);
    }

    @PostMapping("/{id}/isolations/{isolationId}/apply")
    public ResponseEntity<PermitView> applyIsolation(@PathVariable UUID id, @PathVariable UUID isolationId,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_ISOLATE, new PermitCommands.ApplyIsolationPoint(id.toString(), ETags.expectedVersion(ifMatch),
                isolationId.toString()));
    }

    @PostMapping("/{id}/isolations/{isolationId}/verify")
    public ResponseEntity<PermitView> verifyIsolation(@PathVariable UUID id, @PathVariable UUID isolationId,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_VERIFY_ISOLATION, new PermitCommands.VerifyIsolationPoint(id.toString(),
                ETags.expectedVersion(ifMatch), isolationId.toString()));
    }

    @PostMapping("/{id}/isolations/{isolationId}/remove")
    public ResponseEntity<PermitView> removeIsolation(@PathVariable UUID id, @PathVariable UUID isolationId,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.PERMIT_ISOLATE, new PermitCommands.RemoveIsolationPoint(id.toString(), ETags.expectedVersion(ifMatch),
                isolationId.toString()));
    }

    private ResponseEntity<PermitView> send(UUID id, Permission permission, Object command) {
        access.checkCommand(permission, siteOf(id));
        commands.sendAndWait(command, CommandMetadata.current());
        return current(id);
    }

    private String siteOf(UUID id) {
        return reader.siteOf(id.toString());
    }

    private ResponseEntity<PermitView> current(UUID id) {
        PermitView view = reader.get(id.toString());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private static List<String> strings(List<UUID> ids) {
        return ids == null ? List.of() : ids.stream().map(UUID::toString).distinct().toList();
    }
}
