package io.sitework.work.schedule.web;

import io.sitework.support.axon.AggregateSites;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import io.sitework.work.api.WorkKind;
import io.sitework.work.schedule.api.ScheduleCommands;
import io.sitework.work.schedule.api.ScheduleView;
import io.sitework.work.schedule.query.ScheduleQueries;
import io.sitework.work.schedule.query.ScheduleReader;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Schedules of recurring work. Creating, pausing and resuming need WORK_PLAN on the schedule's site
 * (from the request when creating, from the schedule's first event after); reads need WORK_READ.
 */
@RestController
@RequestMapping("/api/schedules")
public class ScheduleController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "nextOccurrence", "title", "kind");

    private final CommandGateway commands;
    private final ScheduleReader reader;
    private final ScheduleQueries queries;
    private final SiteAccess access;
    private final AggregateSites sites;

    public ScheduleController(CommandGateway commands, ScheduleReader reader, ScheduleQueries queries, SiteAccess access,
                              AggregateSites sites) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
        this.access = access;
        this.sites = sites;
    }

    @PostMapping
    public ResponseEntity<ScheduleView> create(@Valid @RequestBody ScheduleRequests.CreateScheduleBody body,
                                               @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                               UriComponentsBuilder uris) {
        access.checkCommand(Permission.WORK_PLAN, body.siteId().toString());
        String scheduleId = idempotencyKey == null ? UUID.randomUUID().toString() : idFor(idempotencyKey);
        ScheduleCommands.CreateSchedule command = new ScheduleCommands.CreateSchedule(scheduleId, body.siteId().toString(),
                body.timeZone(), body.recurrence().toRecurrence(), body.template().toTemplate());
        try {
            commands.sendAndWait(command, CommandMetadata.current());
        } catch (AggregateStreamCreationException repeat) {
            // the same Idempotency-Key again: answer with what the first request created
            ScheduleView existing = reader.get(scheduleId);
            if (!existing.siteId().equals(command.siteId()) || !existing.template().title().equals(command.template().title().strip())) {
                throw new BadRequestException("Idempotency-Key", "this key was used for a different request");
            }
            return created(existing, uris);
        }
        return created(reader.get(scheduleId), uris);
    }

    @GetMapping
    public Paging.Page<ScheduleView> list(@RequestParam(required = false) UUID siteId,
                                          @RequestParam(required = false) Boolean active,
                                          @RequestParam(required = false) WorkKind kind,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Set<String> siteIds = access.listableSites(Permission.WORK_READ, siteId == null ? null : siteId.toString());
        if (siteIds != null && siteIds.isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        return queries.list(new ScheduleQueries.Filter(siteIds, active, kind), page, size,
                Paging.sort(sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    @GetMapping("/{id}")
    public ResponseEntity<ScheduleView> get(@PathVariable UUID id) {
        ScheduleView view = reader.get(id.toString());
        access.checkRead(Permission.WORK_READ, view.siteId(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @PostMapping("/{id}/pause")
    public ResponseEntity<ScheduleView> pause(@PathVariable UUID id,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, new ScheduleCommands.PauseSchedule(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/resume")
    public ResponseEntity<ScheduleView> resume(@PathVariable UUID id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return send(id, new ScheduleCommands.ResumeSchedule(id.toString(), ETags.expectedVersion(ifMatch)));
    }

    private ResponseEntity<ScheduleView> send(UUID id, Object command) {
        access.checkCommand(Permission.WORK_PLAN, sites.siteOf(id.toString(), notFound(id)));
        reader.get(id.toString()); // 404 unless the id is a schedule's
        commands.sendAndWait(command, CommandMetadata.current());
        ScheduleView view = reader.get(id.toString());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private static ResponseEntity<ScheduleView> created(ScheduleView view, UriComponentsBuilder uris) {
        return ResponseEntity.created(uris.path("/api/schedules/{id}").buildAndExpand(view.id()).toUri())
                .eTag(ETags.of(view.version())).body(view);
    }

    /** The same caller and key always name the same schedule: a retried request cannot create it twice. */
    private static String idFor(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new BadRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String scoped = "schedule|" + CurrentUser.get().subject() + "|" + idempotencyKey;
        return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String notFound(UUID id) {
        return "No schedule with id " + id;
    }
}
