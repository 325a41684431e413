package io.sitework.work.web;

import io.sitework.support.axon.EventHistory;
import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.ETags;
import io.sitework.support.web.Paging;
import io.sitework.work.api.BlockerType;
import io.sitework.work.api.WorkKind;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import io.sitework.work.query.BlockedWork;
import io.sitework.work.query.QueryParameters;
import io.sitework.work.query.WorkBoard;
import io.sitework.work.query.WorkHistory;
import io.sitework.work.query.WorkQueries;
import io.sitework.work.query.WorkReader;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of work: one item (from the event store, exact ETag, as of any instant), its history, the
 * list with its filters, a site's board counts and the blocked board (from the work board read
 * model). Lists only cover the caller's sites; reads of one item by a stranger to its site are 404.
 */
@RestController
@RequestMapping("/api/work")
public class WorkQueryController {

    /** Default page size of a history: most histories fit in one page. */
    private static final String HISTORY_PAGE_SIZE = "" + Paging.MAX_SIZE;

    private final WorkReader reader;
    private final WorkQueries queries;
    private final WorkHistory history;
    private final SiteAccess access;

    public WorkQueryController(WorkReader reader, WorkQueries queries, WorkHistory history, SiteAccess access) {
        this.reader = reader;
        this.queries = queries;
        this.history = history;
        this.access = access;
    }

    @GetMapping("/{id}")
    public ResponseEntity<WorkView> get(@PathVariable UUID id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        WorkView view = reader.asOf(id.toString(), asOf);
        access.checkRead(Permission.WORK_READ, view.siteId(), notFound(id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{id}/history")
    public ResponseEntity<Paging.Page<EventHistory.Entry>> history(@PathVariable UUID id,
                                                                   @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = HISTORY_PAGE_SIZE) int size) {
        Paging.validate(page, size);
        access.checkRead(Permission.WORK_READ, history.siteOf(id.toString()), notFound(id));
        Paging.Page<EventHistory.Entry> events = history.page(id.toString(), page, size);
        return ResponseEntity.ok().eTag(ETags.of(events.total() - 1)).body(events);
    }

    @GetMapping
    public Paging.Page<WorkView> list(@RequestParam(required = false) UUID siteId,
                                      @RequestParam(required = false) List<String> status,
                                      @RequestParam(required = false) List<String> kind,
                                      @RequestParam(required = false) String ownerId,
                                      @RequestParam(required = false) String assigneeId,
                                      @RequestParam(required = false) UUID assetId,
                                      @RequestParam(required = false) UUID permitId,
                                      @RequestParam(required = false) Boolean blocked,
                                      @RequestParam(required = false) Boolean overdue,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      @RequestParam(required = false) String sort) {
        Paging.validate(page, size);
        Sort order = Paging.sort(sort, WorkQueries.SORTABLE, Sort.by(Sort.Direction.DESC, "requestedAt"));
        Set<WorkStatus> statuses = QueryParameters.enumValues("status", status, WorkStatus.class);
        Set<WorkKind> kinds = QueryParameters.enumValues("kind", kind, WorkKind.class);
        String owner = QueryParameters.optionalId("ownerId", ownerId);
        String assignee = QueryParameters.optionalId("assigneeId", assigneeId);
        List<String> searchTerms = QueryParameters.searchTerms(q);
        Set<String> siteIds = access.listableSites(Permission.WORK_READ, siteId == null ? null : siteId.toString());
        WorkQueries.Filter filter = new WorkQueries.Filter(siteIds, statuses, kinds, owner, assignee,
                assetId == null ? null : assetId.toString(), permitId == null ? null : permitId.toString(),
                blocked, overdue, searchTerms, dueBefore);
        return queries.list(filter, page, size, order);
    }

    @GetMapping("/board")
    public WorkBoard board(@RequestParam UUID siteId, @RequestParam(required = false) String zone) {
        ZoneId zoneId = QueryParameters.zone(zone);
        access.listableSites(Permission.WORK_READ, siteId.toString()); // 403 unless the caller may read the site
        return queries.board(siteId.toString(), zoneId);
    }

    /**
     * The blocked board; {@code mine=true} keeps the rows waiting on the caller (the token's user: nobody
     * asks this for someone else): work they own, work they are assigned to as a person, and blockers
     * whose {@code onWhom} is them.
     */
    @GetMapping("/blocked")
    public Paging.Page<BlockedWork> blocked(@RequestParam(required = false) UUID siteId,
                                            @RequestParam(required = false) List<String> blockerType,
                                            @RequestParam(defaultValue = "false") boolean mine,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        Paging.validate(page, size);
        Set<BlockerType> types = QueryParameters.enumValues("blockerType", blockerType, BlockerType.class);
        Set<String> siteIds = access.listableSites(Permission.WORK_READ, siteId == null ? null : siteId.toString());
        return queries.blocked(siteIds, types, mine ? CurrentUser.get().subject() : null, page, size);
    }

    private static String notFound(UUID id) {
        return "No work with id " + id;
    }
}
