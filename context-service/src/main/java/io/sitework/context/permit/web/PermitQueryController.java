package io.sitework.context.permit.web;

import io.sitework.context.asset.command.TagRegistry;
import io.sitework.context.permit.api.ActivePermitsView;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitType;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.permit.query.PermitHistory;
import io.sitework.context.permit.query.PermitQueries;
import io.sitework.context.permit.query.PermitReader;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads of permits: one permit (from the event store, exact ETag, as of any instant), its history, the
 * list with its filters, and what is active on an asset (from the permits read model). Lists only
 * cover the caller's sites; reads of one item by a stranger to its site are 404.
 */
@RestController
public class PermitQueryController {

    private static final String HISTORY_PAGE_SIZE = "" + Paging.MAX_SIZE;

    private final PermitReader reader;
    private final PermitQueries queries;
    private final PermitHistory history;
    private final SiteAccess access;
    private final TagRegistry assets;

    public PermitQueryController(PermitReader reader, PermitQueries queries, PermitHistory history, SiteAccess access,
                                 TagRegistry assets) {
        this.reader = reader;
        this.queries = queries;
        this.history = history;
        this.access = access;
        this.assets = assets;
    }

    @GetMapping("/api/permits/{id}")
    public ResponseEntity<PermitView> get(@PathVariable UUID id,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        access.checkRead(Permission.PERMIT_READ, siteOf(id), notFound(id));
        PermitView view = reader.asOf(id.toString(), asOf);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/api/permits/{id}/history")
    public ResponseEntity<Paging.Page<EventHistory.Entry>> history(@PathVariable UUID id,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = HISTORY_PAGE_SIZE) int size) {
        Paging.validate(page, size);
        access.checkRead(Permission.PERMIT_READ, siteOf(id), notFound(id));
        Paging.Page<EventHistory.Entry> events = history.page(id.toString(), page, size);
        return ResponseEntity.ok().eTag(ETags.of(events.total() - 1)).body(events);
    }

    @GetMapping("/api/permits")
    public Paging.Page<PermitView> list(@RequestParam(required = false) UUID siteId,
                                        @RequestParam(required = false) List<PermitStatus> status,
                                        @RequestParam(required = false) List<PermitType> type,
                                        @RequestParam(required = false) UUID workId,
                                        @RequestParam(required = false) UUID assetId,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size,
                                        @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Sort order = Paging.sort(sort, PermitQueries.SORTABLE, Sort.by(Sort.Direction.DESC, "requestedAt"));
        Set<String> siteIds = access.listableSites(Permission.PERMIT_READ, siteId == null ? null : siteId.toString());
        if (siteIds != null && siteIds.isEmpty()) {
            return new Paging.Page<>(List.of(), page, size, 0);
        }
        return queries.list(new PermitQueries.Filter(siteIds, given(status), given(type), workId == null ? null : workId.toString(),
                assetId == null ? null : assetId.toString()), page, size, order);
    }

    /**
     * The values of a repeatable enum filter, or null (no filter) when none is given. An empty element
     * ({@code type=} or {@code type=+}) arrives as null and is ignored, as work-service's lists ignore it.
     */
    static <E> Set<E> given(List<E> values) {
        if (values == null) {
            return null;
        }
        Set<E> given = values.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        return given.isEmpty() ? null : given;
    }

    /** Which permits and isolations are active on the asset now. */
    @GetMapping("/api/assets/{assetId}/active-permits")
    public ActivePermitsView activeOnAsset(@PathVariable UUID assetId) {
        String site = assets.siteOf(assetId.toString()).orElseThrow(() -> new NotFoundException("No asset with id " + assetId));
        access.checkRead(Permission.PERMIT_READ, site, "No asset with id " + assetId);
        return queries.activeOnAsset(site, assetId.toString());
    }

    private String siteOf(UUID id) {
        return reader.siteOf(id.toString());
    }

    private static String notFound(UUID id) {
        return "No permit with id " + id;
    }
}
