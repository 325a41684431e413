package io.sitework.context.site.query;

import io.sitework.context.site.api.SiteEvents.SiteRegistered;
import io.sitework.support.axon.EventContext;

/** What a site looks like after its events; shared by the sites projection and event-store reads. */
public final class SiteFold {

    private SiteFold() {
    }

    /** Applies one event in place; events at or below the state's version are ignored. Returns true if it changed. */
    public static boolean apply(SiteDocument state, Object event, EventContext ctx) {
        if (!state.isNew(ctx)) {
            return false;
        }
        if (event instanceof SiteRegistered e) {
            state.registered(e.siteId(), ctx);
            state.setCode(e.code());
            state.setName(e.name());
            state.setTimeZone(e.timeZone());
        }
        state.folded(ctx);
        return true;
    }
}
