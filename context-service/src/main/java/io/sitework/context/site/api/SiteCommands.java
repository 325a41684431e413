package io.sitework.context.site.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class SiteCommands {

    private SiteCommands() {
    }

    /**
     * @param code     unique across the organisation: upper-case letters, digits and - (e.g. NORTH)
     * @param timeZone the IANA zone the site's people work in (e.g. Europe/Paris), for display and local dates
     */
    public record RegisterSite(@TargetAggregateIdentifier String siteId, String code, String name, String timeZone) {
    }
}
