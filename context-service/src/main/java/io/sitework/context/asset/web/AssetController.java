package io.sitework.context.asset.web;

import io.sitework.context.asset.api.AssetCommands;
import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetTreeNode;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.query.AssetQueries;
import io.sitework.context.asset.query.AssetReader;
import io.sitework.context.web.HistoryResponses;
import io.sitework.support.web.SearchText;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import jakarta.validation.Valid;
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

/**
 * The asset hierarchy of a site: registering, moving and setting the status of assets (on the asset's own site,
 * from its first event), and reading one asset (as of any instant), its subtree, its history and lists.
 */
@RestController
@RequestMapping("/api/assets")
public class AssetController {

    private final CommandGateway commands;
    private final AssetReader reader;
    private final AssetQueries queries;
    private final EventHistory history;
    private final SiteAccess access;

    public AssetController(CommandGateway commands, AssetReader reader, AssetQueries queries, EventHistory history, SiteAccess access) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
        this.history = history;
        this.access = access;
    }

    record RegisterAssetBody(
            @NotNull UUID siteId,
            UUID parentId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "must be letters, digits or . _ / - and start with a letter or digit") String tag,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits or _ (e.g. PUMP)") String assetClass,
            @NotNull Criticality criticality) {
    }

    /** @param parentId the new parent; null (or absent) moves the asset to the top level of its site */
    record MoveBody(UUID parentId) {
    }

    record StatusBody(@NotNull AssetStatus status, @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping
    public ResponseEntity<AssetView> register(@Valid @RequestBody RegisterAssetBody body, UriComponentsBuilder uris) {
        access.checkCommand(Permission.ASSET_REGISTER, body.siteId().toString());
        String assetId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterAsset(assetId, body.siteId().toString(), body.parentId() == null ? null : body.parentId().toString(),
                body.tag(), body.name(), body.assetClass(), body.criticality()), CommandMetadata.current());
        AssetView view = reader.asOf(assetId, null);
        return ResponseEntity.created(uris.path("/api/assets/{id}").buildAndExpand(assetId).toUri()).eTag(ETags.of(view.version())).body(view);
    }

    @PostMapping("/{id}/move")
    public ResponseEntity<AssetView> move(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody MoveBody body) {
        return send(id, new AssetCommands.MoveAsset(id.toString(), ETags.expectedVersion(ifMatch),
                body.parentId() == null ? null : body.parentId().toString()));
    }

    @PostMapping("/{id}/status")
    public ResponseEntity<AssetView> status(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody StatusBody body) {
        return send(id, new AssetCommands.ChangeAssetStatus(id.toString(), ETags.expectedVersion(ifMatch), body.status(), body.reason()));
    }

    @GetMapping("/{id}")
    public ResponseEntity<AssetView> get(@PathVariable UUID id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        AssetView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.ASSET_READ, view.siteId(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** The asset and all its descendants, nested (the descendants from the asset tree read model). */
    @GetMapping("/{id}/subtree")
    public AssetTreeNode subtree(@PathVariable UUID id) {
        AssetView root = reader.asOf(id.toString(), null);
        access.checkRead(Permission.ASSET_READ, root.siteId(), notFound(id));
        return queries.subtree(root);
    }

    @GetMapping("/{id}/history")
    public ResponseEntity<Paging.Page<EventHistory.Entry>> history(@PathVariable UUID id,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = HistoryResponses.DEFAULT_SIZE) int size) {
        access.checkRead(Permission.ASSET_READ, reader.asOf(id.toString(), null).siteId(), notFound(id));
        return HistoryResponses.page(history, id.toString(), page, size);
    }

    @GetMapping
    public Paging.Page<AssetView> list(@RequestParam(required = false) UUID siteId,
                                       @RequestParam(required = false) String parentId,
                                       @RequestParam(required = false) AssetStatus status,
                                       @RequestParam(required = false) @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits or _ (e.g. PUMP)") String assetClass,
                                       @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = SearchText.PRINTABLE, message = SearchText.MESSAGE) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size,
                                       @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        String parent = parentId == null || parentId.isBlank() ? null
                : parentId.equals("root") ? "root" : parseUuid(parentId);
        Sort order = Paging.sort(sort, AssetQueries.SORTABLE, Sort.by("tag"));
        Set<String> siteIds = access.listableSites(Permission.ASSET_READ, siteId == null ? null : siteId.toString());
        return queries.list(new AssetQueries.Filter(siteIds, parent, status, assetClass, q == null || q.isBlank() ? null : q.strip()),
                page, size, order);
    }

    private ResponseEntity<AssetView> send(UUID id, Object command) {
        // the site from the asset itself (its events), which also tells an asset from another kind of item
        access.checkCommand(Permission.ASSET_MANAGE, reader.asOf(id.toString(), null).siteId());
        commands.sendAndWait(command, CommandMetadata.current());
        AssetView view = reader.asOf(id.toString(), null);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private static String notFound(UUID id) {
        return "No asset with id " + id;
    }

    private static String parseUuid(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("parentId", "must be a UUID or 'root'");
        }
    }
}
