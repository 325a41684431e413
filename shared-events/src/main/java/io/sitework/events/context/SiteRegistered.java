package io.sitework.events.context;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.site.registered.v1}: a site was set up, with its code, name and time zone (an IANA zone id such as Europe/Paris).
 */
public record SiteRegistered(
        String siteId,
        String code,
        String name,
        String timeZone,
        String registeredBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return siteId;
    }
}
