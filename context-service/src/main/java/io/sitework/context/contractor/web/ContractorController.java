package io.sitework.context.contractor.web;

import io.sitework.context.contractor.api.ContractorCommands;
import io.sitework.context.contractor.api.ContractorView;
import io.sitework.context.contractor.query.ContractorQueries;
import io.sitework.context.contractor.query.ContractorReader;
import io.sitework.context.web.HistoryResponses;
import io.sitework.support.web.SearchText;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.Set;
import java.util.UUID;

/** Contractor companies of a site and their qualifications: registered and managed by planners and site admins. */
@RestController
@RequestMapping("/api/contractors")
public class ContractorController {

    private static final String CODE = "[A-Z][A-Z0-9_]*";
    private static final String CODE_MESSAGE = "must be an upper-case code of letters, digits or _ (e.g. HOT_WORK)";

    private final CommandGateway commands;
    private final ContractorReader reader;
    private final ContractorQueries queries;
    private final EventHistory history;
    private final SiteAccess access;

    public ContractorController(CommandGateway commands, ContractorReader reader, ContractorQueries queries, EventHistory history,
                                SiteAccess access) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
        this.history = history;
        this.access = access;
    }

    record RegisterContractorBody(@NotNull UUID siteId, @NotBlank @Size(max = 200) String name,
                                  @Email @Size(max = 254) String contactEmail) {
    }

    record GrantBody(@NotBlank @Size(min = 2, max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String qualification,
                     @Future Instant validUntil) {
    }

    record RevokeBody(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping
    public ResponseEntity<ContractorView> register(@Valid @RequestBody RegisterContractorBody body, UriComponentsBuilder uris) {
        access.checkCommand(Permission.CONTRACTOR_MANAGE, body.siteId().toString());
        String contractorId = UUID.randomUUID().toString();
        commands.sendAndWait(new ContractorCommands.RegisterContractor(contractorId, body.siteId().toString(), body.name(), body.contactEmail()),
                CommandMetadata.current());
        ContractorView view = reader.asOf(contractorId, null);
        return ResponseEntity.created(uris.path("/api/contractors/{id}").buildAndExpand(contractorId).toUri())
                .eTag(ETags.of(view.version())).body(view);
    }

    /** Grants the qualification, or renews it (a new end, or none). */
    @PostMapping("/{id}/qualifications")
    public ResponseEntity<ContractorView> grant(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody GrantBody body) {
        return send(id, new ContractorCommands.GrantQualification(id.toString(), ETags.expectedVersion(ifMatch), body.qualification(),
                body.validUntil()));
    }

    /** The qualification code in the path is checked by the contractor (400 naming {@code qualification}). */
    @PostMapping("/{id}/qualifications/{qualification}/revoke")
    public ResponseEntity<ContractorView> revoke(@PathVariable UUID id, @PathVariable String qualification,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody RevokeBody body) {
        return send(id, new ContractorCommands.RevokeQualification(id.toString(), ETags.expectedVersion(ifMatch), qualification, body.reason()));
    }

    @GetMapping("/{id}")
    public ResponseEntity<ContractorView> get(@PathVariable UUID id,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        ContractorView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.CONTRACTOR_READ, view.siteId(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{id}/history")
    public ResponseEntity<Paging.Page<EventHistory.Entry>> history(@PathVariable UUID id,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = HistoryResponses.DEFAULT_SIZE) int size) {
        access.checkRead(Permission.CONTRACTOR_READ, reader.asOf(id.toString(), null).siteId(), notFound(id));
        return HistoryResponses.page(history, id.toString(), page, size);
    }

    @GetMapping
    public Paging.Page<ContractorView> list(@RequestParam(required = false) UUID siteId,
                                            @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = SearchText.PRINTABLE, message = SearchText.MESSAGE) String q,
                                            @RequestParam(required = false) @Size(min = 2, max = 40) @Pattern(regexp = CODE, message = CODE_MESSAGE) String qualification,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size,
                                            @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Sort order = Paging.sort(sort, ContractorQueries.SORTABLE, Sort.by("name"));
        Set<String> siteIds = access.listableSites(Permission.CONTRACTOR_READ, siteId == null ? null : siteId.toString());
        return queries.list(new ContractorQueries.Filter(siteIds, q == null || q.isBlank() ? null : q.strip(), qualification),
                page, size, order);
    }

    private ResponseEntity<ContractorView> send(UUID id, Object command) {
        // the site from the contractor itself (its events), which also tells a contractor from another kind of item
        access.checkCommand(Permission.CONTRACTOR_MANAGE, reader.asOf(id.toString(), null).siteId());
        commands.sendAndWait(command, CommandMetadata.current());
        ContractorView view = reader.asOf(id.toString(), null);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private static String notFound(UUID id) {
        return "No contractor with id " + id;
    }
}
