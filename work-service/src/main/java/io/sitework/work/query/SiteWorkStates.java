package io.sitework.work.query;

import io.sitework.work.api.SiteWorkState;
import io.sitework.work.api.WorkStatus;
import io.sitework.work.api.WorkView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's work as of an instant, from the event store rather than the work board, so it is right for
 * instants before the board existed or while it is rebuilt: the site's work items come from
 * {@code aggregate_site}, and each is folded with {@link WorkFold} up to the instant.
 */
@Component
public class SiteWorkStates {

    /** Work that is still to be finished: only it can be waiting on a blocker or be overdue. */
    private static final Set<WorkStatus> ACTIVE = EnumSet.of(WorkStatus.REQUESTED, WorkStatus.PLANNED, WorkStatus.IN_PROGRESS,
            WorkStatus.ON_HOLD);

    private final JdbcTemplate jdbc;
    private final WorkReader reader;

    public SiteWorkStates(JdbcTemplate jdbc, WorkReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    public SiteWorkState asOf(String siteId, Instant asOf) {
        Map<WorkStatus, Integer> counts = new EnumMap<>(WorkStatus.class);
        for (WorkStatus status : WorkStatus.values()) {
            counts.put(status, 0);
        }
        List<SiteWorkState.Item> inProgress = new ArrayList<>();
        List<SiteWorkState.Item> onHold = new ArrayList<>();
        List<SiteWorkState.Item> blocked = new ArrayList<>();
        List<SiteWorkState.Item> overdue = new ArrayList<>();
        for (String workId : workOf(siteId)) {
            WorkDocument state = reader.fold(workId, asOf);
            if (state.id == null) {
                continue; // requested after the instant
            }
            WorkView view = state.toView(asOf);
            counts.merge(view.status(), 1, Integer::sum);
            SiteWorkState.Item item = item(view);
            if (view.status() == WorkStatus.IN_PROGRESS) {
                inProgress.add(item);
            } else if (view.status() == WorkStatus.ON_HOLD) {
                onHold.add(item);
            }
            if (view.blocked() && ACTIVE.contains(view.status())) {
                blocked.add(item);
            }
            if (view.overdue()) {
                overdue.add(item);
            }
        }
        return new SiteWorkState(siteId, asOf, counts, inProgress, onHold, blocked, overdue);
    }

    /** The site's work items, oldest first. */
    private List<String> workOf(String siteId) {
        return jdbc.queryForList("SELECT aggregateidentifier FROM aggregate_site WHERE site_id = ? AND aggregatetype = 'Work'"
                + " ORDER BY first_globalindex", String.class, siteId);
    }

    private static SiteWorkState.Item item(WorkView view) {
        List<SiteWorkState.OpenBlocker> open = view.blockers().stream().filter(WorkView.BlockerView::open)
                .map(b -> new SiteWorkState.OpenBlocker(b.id(), b.type(), b.reason(), b.raisedAt(), b.raisedBy())).toList();
        return new SiteWorkState.Item(view.id(), view.title(), view.kind(), view.status(), view.ownerId(), view.assignees(),
                view.dueAt(), open);
    }
}
