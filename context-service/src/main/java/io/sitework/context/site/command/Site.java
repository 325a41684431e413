package io.sitework.context.site.command;

import io.sitework.context.site.api.SiteCommands.RegisterSite;
import io.sitework.context.site.api.SiteEvents.SiteRegistered;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.ZoneId;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A plant, a yard, a facility: the scope of every asset, permit, contractor and piece of work, and of people's roles. */
@Aggregate
public class Site {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    @AggregateIdentifier
    private String siteId;

    protected Site() {
        // for Axon
    }

    @CommandHandler
    public Site(RegisterSite command, SiteRegistry registry) {
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw new InvalidValueException("code", "must be 1–32 upper-case letters, digits or - (e.g. NORTH)");
        }
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 200) {
            throw new InvalidValueException("name", "a name of at most 200 characters is required");
        }
        if (!isZone(command.timeZone())) {
            throw new InvalidValueException("timeZone", "must be an IANA time zone such as Europe/Paris (got '" + command.timeZone() + "')");
        }
        switch (registry.reserve(command.siteId(), command.code())) {
            case ID_TAKEN -> throw new DomainRuleViolation("site.id-taken", "Site cannot be registered: a site with id "
                    + command.siteId() + " already exists");
            case CODE_TAKEN -> throw new DomainRuleViolation("site.code-taken", "Site cannot be registered: code " + command.code()
                    + " is already used by another site");
            case RESERVED -> apply(new SiteRegistered(command.siteId(), command.code(), command.name().strip(), command.timeZone()));
        }
    }

    /** An IANA region id (Europe/Paris, UTC…), not an offset such as +02:00. */
    public static boolean isZone(String timeZone) {
        return timeZone != null && ZoneId.getAvailableZoneIds().contains(timeZone);
    }

    @EventSourcingHandler
    void on(SiteRegistered event) {
        siteId = event.siteId();
    }
}
