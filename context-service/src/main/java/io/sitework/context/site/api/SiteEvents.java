package io.sitework.context.site.api;

import io.sitework.support.domain.SiteScoped;

/** The Site aggregate's private domain events; the public contract lives in shared-events. */
public final class SiteEvents {

    private SiteEvents() {
    }

    /** A site was set up. A site is its own scope: its {@code siteId} is its id. */
    public record SiteRegistered(String siteId, String code, String name, String timeZone) implements SiteScoped {
    }
}
