package io.sitework.context.asset.command;

import io.sitework.context.asset.api.AssetCommands.ApplyIsolation;
import io.sitework.context.asset.api.AssetCommands.ChangeAssetStatus;
import io.sitework.context.asset.api.AssetCommands.MoveAsset;
import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetCommands.RemoveIsolation;
import io.sitework.context.asset.api.AssetEvents.AssetIsolationAdded;
import io.sitework.context.asset.api.AssetEvents.AssetIsolationRemoved;
import io.sitework.context.asset.api.AssetEvents.AssetMoved;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetEvents.AssetStatusChanged;
import io.sitework.context.asset.api.AssetEvents.UnderlyingStatusChanged;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.IsolationRef;
import io.sitework.context.site.command.SiteRegistry;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.sitework.context.asset.api.AssetStatus.DECOMMISSIONED;
import static io.sitework.context.asset.api.AssetStatus.ISOLATED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A piece of a site's physical hierarchy: an area, a unit or an item of equipment. Its status is set by people
 * (IN_SERVICE, OUT_OF_SERVICE, DECOMMISSIONED — final), except ISOLATED, which it shows while any permit's
 * isolation is applied to it; when the last one is removed it returns to the status it had underneath.
 */
@Aggregate
public class Asset {

    static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    static final Pattern ASSET_CLASS = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @AggregateIdentifier
    private String assetId;
    private String siteId;
    private String parentId;
    private String tag;
    /** What people see. */
    private AssetStatus status;
    /** What a person last set: the status the asset returns to when its isolations are removed. */
    private AssetStatus underlyingStatus;
    private Set<IsolationRef> isolations = new LinkedHashSet<>();

    protected Asset() {
        // for Axon
    }

    @CommandHandler
    public Asset(RegisterAsset command, TagRegistry tags, AssetHierarchy hierarchy, SiteRegistry sites) {
        require(command.siteId() != null && !command.siteId().isBlank(), "asset.site-required", "a site is required");
        require(command.tag() != null && TAG.matcher(command.tag().strip()).matches(), "asset.tag-invalid",
                "the tag must be 1–64 letters, digits or . _ / - and start with a letter or digit");
        require(command.name() != null && !command.name().isBlank() && command.name().strip().length() <= 200,
                "asset.name-invalid", "a name of at most 200 characters is required");
        require(command.assetClass() != null && ASSET_CLASS.matcher(command.assetClass()).matches(), "asset.class-invalid",
                "the asset class must be upper-case letters, digits or _ (e.g. PUMP)");
        require(command.criticality() != null, "asset.criticality-required", "a criticality is required");
        require(sites.exists(command.siteId()), "asset.site-unknown", "site " + command.siteId() + " does not exist");
        String tag = command.tag().strip();
        if (command.parentId() != null) {
            hierarchy.lock(command.siteId());
            String parentSite = tags.siteOf(command.parentId()).orElseThrow(() -> new DomainRuleViolation("asset.parent-unknown",
                    "Asset cannot be registered: parent " + command.parentId() + " does not exist"));
            require(parentSite.equals(command.siteId()), "asset.parent-other-site",
                    "parent " + command.parentId() + " belongs to another site");
            require(!hierarchy.isDecommissioned(command.parentId()), "asset.parent-decommissioned",
                    "parent " + command.parentId() + " is DECOMMISSIONED");
        }
        if (!tags.reserve(command.siteId(), tag, command.assetId())) {
            throw new DomainRuleViolation("asset.tag-taken", "Asset cannot be registered: tag " + tag + " is already used on this site");
        }
        if (command.parentId() != null) {
            hierarchy.setParent(command.assetId(), command.parentId());
        }
        apply(new AssetRegistered(command.assetId(), command.siteId(), command.parentId(), tag, command.name().strip(),
                command.assetClass(), command.criticality(), AssetStatus.IN_SERVICE));
    }

    @CommandHandler
    public void handle(MoveAsset command, TagRegistry tags, AssetHierarchy hierarchy) {
        if (status == DECOMMISSIONED) {
            throw refused("asset.decommissioned", describe() + " is DECOMMISSIONED; it cannot be moved");
        }
        String target = command.parentId() == null || command.parentId().isBlank() ? null : command.parentId();
        if (Objects.equals(target, parentId)) {
            return; // already there
        }
        hierarchy.lock(siteId);
        if (target != null) {
            if (target.equals(assetId)) {
                throw refused("asset.move-cycle", describe() + " cannot be moved under itself");
            }
            String parentSite = tags.siteOf(target).orElseThrow(() -> refused("asset.parent-unknown",
                    describe() + " cannot be moved: parent " + target + " does not exist"));
            if (!parentSite.equals(siteId)) {
                throw refused("asset.parent-other-site", describe() + " cannot be moved under " + target + ": it belongs to another site");
            }
            if (hierarchy.isDecommissioned(target)) {
                throw refused("asset.parent-decommissioned", describe() + " cannot be moved under " + target + ": it is DECOMMISSIONED");
            }
            if (hierarchy.ancestorsOf(target).contains(assetId)) {
                throw refused("asset.move-cycle", describe() + " cannot be moved under " + target + ": that asset is below it in the tree");
            }
        }
        apply(new AssetMoved(assetId, siteId, parentId, target));
        hierarchy.setParent(assetId, target);
    }

    @CommandHandler
    public void handle(ChangeAssetStatus command, AssetHierarchy hierarchy) {
        AssetStatus requested = command.status();
        if (requested == null) {
            throw new InvalidValueException("status", "a status is required: IN_SERVICE, OUT_OF_SERVICE or DECOMMISSIONED");
        }
        if (requested == ISOLATED) {
            throw refused("asset.isolated-by-permits-only", describe() + " cannot be set ISOLATED by hand: an asset is ISOLATED while "
                    + "isolations of permits are applied to it");
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().strip().length() > 1000) {
            throw new InvalidValueException("reason", "a reason of at most 1000 characters is required");
        }
        if (status == DECOMMISSIONED) {
            throw refused("asset.decommissioned", describe() + " is DECOMMISSIONED; decommissioning is final");
        }
        if (requested == DECOMMISSIONED) {
            if (!isolations.isEmpty()) {
                throw refused("asset.isolated", describe() + " cannot be decommissioned while isolated under " + permits()
                        + "; the isolations must be removed first");
            }
            hierarchy.lock(siteId);
            int children = hierarchy.activeChildren(assetId);
            if (children > 0) {
                throw refused("asset.has-active-children", describe() + " cannot be decommissioned: " + children
                        + " asset" + (children == 1 ? "" : "s") + " below it " + (children == 1 ? "is" : "are")
                        + " not decommissioned; move or decommission them first");
            }
        }
        String reason = command.reason().strip();
        if (!isolations.isEmpty()) {
            if (requested != underlyingStatus) {
                apply(new UnderlyingStatusChanged(assetId, siteId, underlyingStatus, requested, reason));
            }
            return;
        }
        if (requested == status) {
            return; // nothing changes
        }
        apply(new AssetStatusChanged(assetId, siteId, status, requested, reason, null));
        if (requested == DECOMMISSIONED) {
            hierarchy.markDecommissioned(assetId);
        }
    }

    @CommandHandler
    public void handle(ApplyIsolation command) {
        IsolationRef isolation = isolation(command.permitId(), command.isolationId());
        if (isolations.contains(isolation)) {
            return; // applied already
        }
        apply(new AssetIsolationAdded(assetId, siteId, isolation.permitId(), isolation.isolationId()));
        if (isolations.size() == 1 && status != DECOMMISSIONED) {
            apply(new AssetStatusChanged(assetId, siteId, status, ISOLATED,
                    "isolation " + isolation.isolationId() + " of permit " + isolation.permitId() + " applied", isolation.permitId()));
        }
    }

    @CommandHandler
    public void handle(RemoveIsolation command) {
        IsolationRef isolation = isolation(command.permitId(), command.isolationId());
        if (!isolations.contains(isolation)) {
            return; // never applied, or removed already
        }
        apply(new AssetIsolationRemoved(assetId, siteId, isolation.permitId(), isolation.isolationId()));
        if (isolations.isEmpty() && status == ISOLATED) {
            apply(new AssetStatusChanged(assetId, siteId, ISOLATED, underlyingStatus,
                    "last isolation removed (isolation " + isolation.isolationId() + " of permit " + isolation.permitId() + ")",
                    isolation.permitId()));
        }
    }

    private static IsolationRef isolation(String permitId, String isolationId) {
        if (permitId == null || permitId.isBlank()) {
            throw new InvalidValueException("permitId", "a permit is required");
        }
        if (isolationId == null || isolationId.isBlank()) {
            throw new InvalidValueException("isolationId", "an isolation is required");
        }
        return new IsolationRef(permitId, isolationId);
    }

    private String describe() {
        return "Asset " + tag + " (" + assetId + ")";
    }

    private String permits() {
        Set<String> permitIds = isolations.stream().map(IsolationRef::permitId).collect(Collectors.toCollection(LinkedHashSet::new));
        return (permitIds.size() == 1 ? "permit " : "permits ") + String.join(", ", permitIds);
    }

    private static DomainRuleViolation refused(String code, String message) {
        return new DomainRuleViolation(code, message);
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new DomainRuleViolation(code, "Asset cannot be registered: " + message);
        }
    }

    @EventSourcingHandler
    void on(AssetRegistered event) {
        assetId = event.assetId();
        siteId = event.siteId();
        parentId = event.parentId();
        tag = event.tag();
        status = event.status();
        underlyingStatus = event.status();
    }

    @EventSourcingHandler
    void on(AssetMoved event) {
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(AssetStatusChanged event) {
        status = event.status();
        if (event.status() != ISOLATED) {
            underlyingStatus = event.status();
        }
    }

    @EventSourcingHandler
    void on(UnderlyingStatusChanged event) {
        underlyingStatus = event.status();
    }

    @EventSourcingHandler
    void on(AssetIsolationAdded event) {
        isolations.add(new IsolationRef(event.permitId(), event.isolationId()));
    }

    @EventSourcingHandler
    void on(AssetIsolationRemoved event) {
        isolations.remove(new IsolationRef(event.permitId(), event.isolationId()));
    }
}
