package io.sitework.work.web;

import io.sitework.support.axon.AggregateSites;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.ForbiddenException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.ETags;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.WorkCommands;
import io.sitework.work.api.WorkView;
import io.sitework.work.query.WorkReader;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The work lifecycle, one endpoint per step. Every command checks the caller's roles on the work's
 * own site (from its first event), carries the caller's If-Match version, and answers with the
 * work as it now is and its new ETag.
 */
@RestController
@RequestMapping("/api/work")
public class WorkCommandController {

    private final CommandGateway commands;
    private final WorkReader reader;
    private final SiteAccess access;
    private final AggregateSites sites;

    public WorkCommandController(CommandGateway commands, WorkReader reader, SiteAccess access, AggregateSites sites) {
        this.commands = commands;
        this.reader = reader;
        this.access = access;
        this.sites = sites;
    }

    @PostMapping
    public ResponseEntity<WorkView> request(@Valid @RequestBody WorkRequests.RequestWorkBody body,
                                            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                            UriComponentsBuilder uris) {
        access.checkCommand(Permission.WORK_REQUEST, body.siteId().toString());
        String workId = idempotencyKey == null ? UUID.randomUUID().toString() : idFor(idempotencyKey);
        WorkCommands.RequestWork command = new WorkCommands.RequestWork(workId, body.siteId().toString(), body.kind(), body.title(),
                body.description(), body.priority(), body.ownerId(), body.dueAt(), body.plannedStart(), body.plannedEnd(),
                strings(body.assetIds()), body.requiredPermitTypes(), strings(body.dependsOn()),
                body.contractorId() == null ? null : body.contractorId().toString(),
                map(body.checklist(), WorkRequests.ChecklistItemBody::toSpec), body.watchers(),
                map(body.documents(), WorkRequests.DocumentBody::toRef), null);
        try {
            commands.sendAndWait(command, CommandMetadata.current());
        } catch (AggregateStreamCreationException repeat) {
            // the same Idempotency-Key again: answer with what the first request created
            WorkView existing = reader.get(workId);
            if (!existing.siteId().equals(command.siteId()) || !existing.title().equals(command.title().strip())
                    || existing.kind() != command.kind()) {
                throw new BadRequestException("Idempotency-Key", "this key was used for a different request");
            }
            return created(existing, uris);
        }
        return created(reader.get(workId), uris);
    }

    @PostMapping("/{id}/plan")
    public ResponseEntity<WorkView> plan(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody WorkRequests.PlanBody body) {
        return send(id, Permission.WORK_PLAN, new WorkCommands.PlanWork(id.toString(), ETags.expectedVersion(ifMatch),
                body.plannedStart(), body.plannedEnd(), assignees(body.assignees()), body.dueAt()));
    }

    @PostMapping("/{id}/assign")
    public ResponseEntity<WorkView> assign(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody WorkRequests.AssignBody body) {
        return send(id, Permission.WORK_PLAN, new WorkCommands.AssignWork(id.toString(), ETags.expectedVersion(ifMatch),
                body.ownerId(), assignees(body.assignees()), body.watchers()));
    }

    @PostMapping("/{id}/start")
    public ResponseEntity<WorkView> start(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.WORK_EXECUTE, new WorkCommands.StartWork(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/hold")
    public ResponseEntity<WorkView> hold(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody WorkRequests.ReasonBody body) {
        return send(id, Permission.WORK_EXECUTE, new WorkCommands.HoldWork(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/resume")
    public ResponseEntity<WorkView> resume(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, Permission.WORK_EXECUTE, new WorkCommands.ResumeWork(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/complete")
    public ResponseEntity<WorkView> complete(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody(required = false) WorkRequests.CompleteBody body) {
        return send(id, Permission.WORK_EXECUTE, new WorkCommands.CompleteWork(id.toString(), ETags.expectedVersion(ifMatch),
                body == null ? null : body.outcome()));
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<WorkView> close(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) WorkRequests.CloseBody body) {
        String site = siteOf(id);
        access.checkCommand(Permission.WORK_VERIFY, site);
        boolean override = body != null && body.override();
        boolean overrideAllowed = CurrentUser.get().can(Permission.WORK_OVERRIDE, site);
        if (override && !overrideAllowed) {
            throw new ForbiddenException("Only a supervisor may close work with an override");
        }
        commands.sendAndWait(new WorkCommands.CloseWork(id.toString(), ETags.expectedVersion(ifMatch), override,
                body == null ? null : body.overrideReason(), overrideAllowed), CommandMetadata.current());
        return current(id);
    }

    @PostMapping("/{id}/reopen")
    public ResponseEntity<WorkView> reopen(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody WorkRequests.ReasonBody body) {
        return send(id, Permission.WORK_VERIFY, new WorkCommands.ReopenWork(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/reject")
    public ResponseEntity<WorkView> reject(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody WorkRequests.ReasonBody body) {
        return send(id, Permission.WORK_PLAN, new WorkCommands.RejectWork(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/cancel")
    public ResponseEntity<WorkView> cancel(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody WorkRequests.ReasonBody body) {
        return send(id, Permission.WORK_PLAN, new WorkCommands.CancelWork(id.toString(), ETags.expectedVersion(ifMatch), body.reason()));
    }

    @PostMapping("/{id}/blockers")
    public ResponseEntity<WorkRequests.Created> raiseBlocker(@PathVariable UUID id, @Valid @RequestBody WorkRequests.BlockerBody body,
                                                             UriComponentsBuilder uris) {
        access.checkCommand(Permission.WORK_BLOCK, siteOf(id));
        String blockerId = UUID.randomUUID().toString();
        commands.sendAndWait(new WorkCommands.RaiseBlocker(id.toString(), blockerId, body.type(), body.reason(), body.reference(), false),
                CommandMetadata.current());
        return ResponseEntity.created(uris.path("/api/work/{id}").buildAndExpand(id).toUri())
                .eTag(ETags.of(reader.get(id.toString()).version())).body(new WorkRequests.Created(blockerId));
    }

    @PostMapping("/{id}/blockers/{blockerId}/resolve")
    public ResponseEntity<WorkView> resolveBlocker(@PathVariable UUID id, @PathVariable UUID blockerId,
                                                   @Valid @RequestBody(required = false) WorkRequests.ResolveBody body) {
        return send(id, Permission.WORK_BLOCK, new WorkCommands.ResolveBlocker(id.toString(), blockerId.toString(),
                body == null ? null : body.note(), false));
    }

    @PutMapping("/{id}/checklist/{itemId}")
    public ResponseEntity<WorkView> recordChecklistItem(@PathVariable UUID id, @PathVariable String itemId,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                        @Valid @RequestBody WorkRequests.ChecklistValueBody body) {
        return send(id, Permission.WORK_EXECUTE, new WorkCommands.RecordChecklistItem(id.toString(), ETags.expectedVersion(ifMatch),
                itemId, body.value(), body.note()));
    }

    @PostMapping("/{id}/comments")
    public ResponseEntity<WorkRequests.Created> comment(@PathVariable UUID id, @Valid @RequestBody WorkRequests.CommentBody body,
                                                        UriComponentsBuilder uris) {
        access.checkCommand(Permission.WORK_COMMENT, siteOf(id));
        String commentId = UUID.randomUUID().toString();
        commands.sendAndWait(new WorkCommands.AddComment(id.toString(), commentId, body.text()), CommandMetadata.current());
        return ResponseEntity.created(uris.path("/api/work/{id}").buildAndExpand(id).toUri())
                .eTag(ETags.of(reader.get(id.toString()).version())).body(new WorkRequests.Created(commentId));
    }

    private ResponseEntity<WorkView> send(UUID id, Permission permission, Object command) {
        access.checkCommand(permission, siteOf(id));
        commands.sendAndWait(command, CommandMetadata.current());
        return current(id);
    }

    private String siteOf(UUID id) {
        return sites.siteOf(id.toString(), "No work with id " + id);
    }

    private ResponseEntity<WorkView> current(UUID id) {
        WorkView view = reader.get(id.toString());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private static ResponseEntity<WorkView> created(WorkView view, UriComponentsBuilder uris) {
        return ResponseEntity.created(uris.path("/api/work/{id}").buildAndExpand(view.id()).toUri()).eTag(ETags.of(view.version())).body(view);
    }

    /** The same caller and key always name the same work item: a retried request cannot create it twice. */
    private static String idFor(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new BadRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String scoped = CurrentUser.get().subject() + "|" + idempotencyKey;
        return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Assignee> assignees(List<WorkRequests.AssigneeBody> bodies) {
        return map(bodies, WorkRequests.AssigneeBody::toAssignee);
    }

    private static List<String> strings(List<UUID> ids) {
        return ids == null ? List.of() : ids.stream().map(UUID::toString).distinct().toList();
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list == null ? List.of() : list.stream().map(f).toList();
    }
}
