package io.sitework.context.site.web;

import io.sitework.context.site.api.SiteCommands.RegisterSite;
import io.sitework.context.site.api.SiteView;
import io.sitework.context.site.query.SiteQueries;
import io.sitework.context.site.query.SiteReader;
import io.sitework.context.web.HistoryResponses;
import io.sitework.support.web.SearchText;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Sites: registered by an org admin (with an id of the caller's choosing when given, so deployments and demos can
 * name their sites), read by anyone with a role there.
 */
@RestController
@RequestMapping("/api/sites")
public class SiteController {

    private final CommandGateway commands;
    private final SiteReader reader;
    private final SiteQueries queries;
    private final EventHistory history;
    private final SiteAccess access;

    public SiteController(CommandGateway commands, SiteReader reader, SiteQueries queries, EventHistory history, SiteAccess access) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
        this.history = history;
        this.access = access;
    }

    record RegisterSiteBody(
            UUID id,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "must be upper-case letters, digits or - (e.g. NORTH)") String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String timeZone) {
    }

    /** 201 for a new site; a repeat with the same id and the same content answers 200 with the site, other content 409. */
    @PostMapping
    public ResponseEntity<SiteView> register(@Valid @RequestBody RegisterSiteBody body, UriComponentsBuilder uris) {
        String siteId = body.id() == null ? UUID.randomUUID().toString() : body.id().toString();
        access.checkCommand(Permission.SITE_REGISTER, siteId);
        if (reader.exists(siteId)) {
            SiteView existing = reader.find(siteId)
                    .filter(v -> v.code().equals(body.code()) && v.name().equals(body.name().strip()) && v.timeZone().equals(body.timeZone()))
                    .orElseThrow(() -> new DomainRuleViolation("site.id-taken",
                            "Site cannot be registered: id " + siteId + " is already taken by another site or item"));
            return ResponseEntity.ok().eTag(ETags.of(existing.version())).body(existing);
        }
        commands.sendAndWait(new RegisterSite(siteId, body.code(), body.name(), body.timeZone()), CommandMetadata.current());
        SiteView view = reader.asOf(siteId, null);
        return ResponseEntity.created(uris.path("/api/sites/{id}").buildAndExpand(siteId).toUri()).eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{id}")
    public ResponseEntity<SiteView> get(@PathVariable UUID id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        SiteView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.SITE_READ, view.id(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{id}/history")
    public ResponseEntity<Paging.Page<EventHistory.Entry>> history(@PathVariable UUID id,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = HistoryResponses.DEFAULT_SIZE) int size) {
        access.checkRead(Permission.SITE_READ, reader.asOf(id.toString(), null).id(), notFound(id));
        return HistoryResponses.page(history, id.toString(), page, size);
    }

    /** The sites where the caller may read (all of them for an org admin); {@code siteId} narrows to one. */
    @GetMapping
    public Paging.Page<SiteView> list(@RequestParam(required = false) UUID siteId,
                                      @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = SearchText.PRINTABLE, message = SearchText.MESSAGE) String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Sort order = Paging.sort(sort, SiteQueries.SORTABLE, Sort.by("code"));
        Set<String> siteIds = access.listableSites(Permission.SITE_READ, siteId == null ? null : siteId.toString());
        return queries.list(siteIds, q == null || q.isBlank() ? null : q.strip(), page, size, order);
    }

    private static String notFound(UUID id) {
        return "No site with id " + id;
    }
}
