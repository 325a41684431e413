package io.sitework.context.site.api;

import java.time.Instant;

public record SiteView(
        String id,
        String code,
        String name,
        String timeZone,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt,
        long version) {
}
