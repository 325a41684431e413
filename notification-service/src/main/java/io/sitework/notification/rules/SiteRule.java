package io.sitework.notification.rules;

import io.sitework.support.security.Role;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who on a site hears one kind of notification: the people the item names ({@code audience}) and
 * everyone holding one of {@code roles} on the site. A disabled rule tells nobody.
 */
public record SiteRule(NotificationKind kind, boolean enabled, Set<AudienceType> audience, Set<Role> roles) {

    public SiteRule {
        Objects.requireNonNull(kind, "kind");
        audience = audience == null || audience.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(audience));
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }
}
