package io.sitework.context.publish;

import io.sitework.context.site.api.SiteEvents;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.context.SiteRegistered;

/** The public events of sites. */
final class SiteEventMapper {

    private SiteEventMapper() {
    }

    static IntegrationEvent data(Object payload, String actor) {
        if (payload instanceof SiteEvents.SiteRegistered e) {
            return new SiteRegistered(e.siteId(), e.code(), e.name(), e.timeZone(), actor);
        }
        return null;
    }
}
