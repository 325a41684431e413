package io.sitework.notification.rules;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A site's notification rules as stored: one rule per kind the site has changed. Kinds it has not
 * changed follow the defaults, so a kind added in a later release reaches the site with its default.
 */
@Document(SiteRules.COLLECTION)
public record SiteRules(@Id String siteId, List<SiteRule> rules, Instant updatedAt, String updatedBy, long version) {

    public static final String COLLECTION = "notification_rules";

    public SiteRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Every kind's rule on the site: its own where it has one, the default otherwise. */
    public static Map<NotificationKind, SiteRule> effective(SiteRules stored) {
        Map<NotificationKind, SiteRule> effective = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            effective.put(kind, kind.defaultRule());
        }
        if (stored != null) {
            stored.rules().forEach(rule -> effective.put(rule.kind(), rule));
        }
        return effective;
    }
}
