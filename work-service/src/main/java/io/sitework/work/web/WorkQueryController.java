package io.sitework.work.web;

import io.sitework.support.axon.AggregateSites;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import io.sitework.work.api.WorkCommands.CompleteWork;
import io.sitework.work.api.WorkCommands.RequestWork;
import io.sitework.work.api.WorkCommands.StartWork;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import io.sitework.work.query.WorkQueries;
import io.sitework.work.query.WorkReader;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/work")
public class WorkQueryController {

    private static final Set<String> SORTABLE = Set.of("dueAt", "requestedAt", "updatedAt", "priority", "title", "status", "kind");

    private final CommandGateway commands;
    private final WorkReader reader;
    private final WorkQueries queries;
    private final SiteAccess access;
    private final AggregateSites sites;

    public WorkQueryController(CommandGateway commands, WorkReader reader, WorkQueries queries, SiteAccess access, AggregateSites sites) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
        this.access = access;
        this.sites = sites;
    }


    @GetMapping("/{id}")
    public ResponseEntity<WorkView> get(@PathVariable UUID id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        WorkView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.WORK_READ, view.siteId(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping
    public Paging.Page<WorkView> list(@RequestParam(required = false) UUID siteId,
                                 @RequestParam(required = false) WorkStatus status,
                                 @RequestParam(required = false) WorkKind kind,
                                 @RequestParam(required = false) String ownerId,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size,
                                 @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Set<String> siteIds = access.listableSites(Permission.WORK_READ, siteId == null ? null : siteId.toString());
        if (siteIds != null && siteIds.isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        return queries.list(new WorkQueries.Filter(siteIds, status, kind, blankToNull(ownerId)), page, size,
                Paging.sort(sort, SORTABLE, Sort.by(Sort.Direction.DESC, "requestedAt")));
    }




    private static String notFound(UUID id) {
        return "No work with id " + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
