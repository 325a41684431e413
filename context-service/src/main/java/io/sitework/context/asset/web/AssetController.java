package io.sitework.context.asset.web;

import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.api.Criticality;
import io.sitework.context.asset.query.AssetQueries;
import io.sitework.context.asset.query.AssetReader;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/assets")
public class AssetController {

    private static final Set<String> SORTABLE = Set.of("tag", "name", "assetClass", "criticality", "status", "registeredAt");

    private final CommandGateway commands;
    private final AssetReader reader;
    private final AssetQueries queries;
    private final SiteAccess access;

    public AssetController(CommandGateway commands, AssetReader reader, AssetQueries queries, SiteAccess access) {
        this.commands = commands;
        this.reader = reader;
        this.queries = queries;
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

    @PostMapping
    public ResponseEntity<AssetView> register(@Valid @RequestBody RegisterAssetBody body, UriComponentsBuilder uris) {
        access.checkCommand(Permission.ASSET_REGISTER, body.siteId().toString());
        String assetId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterAsset(assetId, body.siteId().toString(), body.parentId() == null ? null : body.parentId().toString(),
                body.tag(), body.name(), body.assetClass(), body.criticality()), CommandMetadata.current());
        AssetView view = reader.asOf(assetId, null);
        return ResponseEntity.created(uris.path("/api/assets/{id}").buildAndExpand(assetId).toUri()).eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{id}")
    public ResponseEntity<AssetView> get(@PathVariable UUID id,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        AssetView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.ASSET_READ, view.siteId(), "No asset with id " + id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping
    public Paging.Page<AssetView> list(@RequestParam(required = false) UUID siteId,
                                       @RequestParam(required = false) String parentId,
                                       @RequestParam(required = false) AssetStatus status,
                                       @RequestParam(required = false) @Size(max = 64) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size,
                                       @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        String parent = parentId == null || parentId.isBlank() ? null
                : parentId.equals("root") ? "root" : parseUuid(parentId);
        Set<String> siteIds = access.listableSites(Permission.ASSET_READ, siteId == null ? null : siteId.toString());
        if (siteIds != null && siteIds.isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        return queries.list(new AssetQueries.Filter(siteIds, parent, status, q == null || q.isBlank() ? null : q.strip()),
                page, size, Paging.sort(sort, SORTABLE, Sort.by("tag")));
    }

    private static String parseUuid(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new io.sitework.support.web.BadRequestException("parentId", "must be a UUID or 'root'");
        }
    }
}
