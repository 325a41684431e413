package io.sitework.context.audit.query;

import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.AssetView;
import io.sitework.context.asset.query.AssetReader;
import io.sitework.context.audit.api.SiteContextState;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.permit.query.PermitReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site's permits, isolations and asset statuses as of an instant, from the event store rather than the
 * read models, so it is right for instants before they existed: the site's permits and assets come from
 * {@code aggregate_site}, and each is folded with its own fold up to the instant.
 */
@Component
public class SiteContextStates {

    private final JdbcTemplate jdbc;
    private final PermitReader permits;
    private final AssetReader assets;

    public SiteContextStates(JdbcTemplate jdbc, PermitReader permits, AssetReader assets) {
        this.jdbc = jdbc;
        this.permits = permits;
        this.assets = assets;
    }

    public SiteContextState asOf(String siteId, Instant asOf) {
        List<SiteContextState.Permit> inForce = new ArrayList<>();
        List<SiteContextState.Isolation> inPlace = new ArrayList<>();
        for (String permitId : aggregatesOf(siteId, "Permit")) {
            Optional<PermitView> found = permits.existingAsOf(permitId, asOf);
            if (found.isEmpty()) {
                continue;
            }
            PermitView permit = found.get();
            if (permit.status() == PermitStatus.ISSUED || permit.status() == PermitStatus.SUSPENDED) {
                inForce.add(new SiteContextState.Permit(permit.id(), permit.type(), permit.status(), permit.holderId(), permit.workIds(),
                        permit.validTo()));
            }
            for (PermitView.IsolationView isolation : permit.isolations()) {
                if (isolation.state().inPlace()) {
                    inPlace.add(new SiteContextState.Isolation(permit.id(), isolation.isolationId(), isolation.point(), isolation.assetId(),
                            isolation.state(), isolation.appliedBy(), isolation.appliedAt()));
                }
            }
        }
        List<SiteContextState.Asset> outOfUse = new ArrayList<>();
        for (String assetId : aggregatesOf(siteId, "Asset")) {
            assets.existingAsOf(assetId, asOf)
                    .filter(a -> a.status() == AssetStatus.OUT_OF_SERVICE || a.status() == AssetStatus.ISOLATED)
                    .ifPresent(a -> outOfUse.add(asset(a)));
        }
        return new SiteContextState(siteId, asOf, inForce, inPlace, outOfUse);
    }

    private static SiteContextState.Asset asset(AssetView asset) {
        return new SiteContextState.Asset(asset.id(), asset.tag(), asset.name(), asset.status());
    }

    /** The site's aggregates of one type, oldest first. */
    private List<String> aggregatesOf(String siteId, String type) {
        return jdbc.queryForList("SELECT aggregateidentifier FROM aggregate_site WHERE site_id = ? AND aggregatetype = ?"
                + " ORDER BY first_globalindex", String.class, siteId, type);
    }
}
