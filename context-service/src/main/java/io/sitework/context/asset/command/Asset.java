package io.sitework.context.asset.command;

import io.sitework.context.asset.api.AssetCommands.RegisterAsset;
import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.support.domain.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A piece of a site's physical hierarchy: an area, a unit or an item of equipment. */
@Aggregate
public class Asset {

    static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    static final Pattern ASSET_CLASS = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    @AggregateIdentifier
    private String assetId;
    private String siteId;
    private AssetStatus status;

    protected Asset() {
        // for Axon
    }

    @CommandHandler
    public Asset(RegisterAsset command, TagRegistry tags) {
        require(command.siteId() != null && !command.siteId().isBlank(), "asset.site-required", "a site is required");
        require(command.tag() != null && TAG.matcher(command.tag().strip()).matches(), "asset.tag-invalid",
                "the tag must be 1–64 letters, digits or . _ / - and start with a letter or digit");
        require(command.name() != null && !command.name().isBlank() && command.name().strip().length() <= 200,
                "asset.name-invalid", "a name of at most 200 characters is required");
        require(command.assetClass() != null && ASSET_CLASS.matcher(command.assetClass()).matches(), "asset.class-invalid",
                "the asset class must be upper-case letters, digits or _ (e.g. PUMP)");
        require(command.criticality() != null, "asset.criticality-required", "a criticality is required");
        String tag = command.tag().strip();
        if (command.parentId() != null) {
            String parentSite = tags.siteOf(command.parentId()).orElseThrow(() -> new DomainRuleViolation("asset.parent-unknown",
                    "Asset cannot be registered: parent " + command.parentId() + " does not exist"));
            require(parentSite.equals(command.siteId()), "asset.parent-other-site",
                    "parent " + command.parentId() + " belongs to another site");
        }
        if (!tags.reserve(command.siteId(), tag, command.assetId())) {
            throw new DomainRuleViolation("asset.tag-taken", "Asset cannot be registered: tag " + tag + " is already used on this site");
        }
        apply(new AssetRegistered(command.assetId(), command.siteId(), command.parentId(), tag, command.name().strip(),
                command.assetClass(), command.criticality(), AssetStatus.IN_SERVICE));
    }

    @EventSourcingHandler
    void on(AssetRegistered event) {
        assetId = event.assetId();
        siteId = event.siteId();
        status = event.status();
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw new DomainRuleViolation(code, "Asset cannot be registered: " + message);
        }
    }
}
