package io.sitework.notification.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * What notification-service knows about one person: who they are and their roles per site, as their
 * last token said (learned on each authenticated request, so role changes in the identity provider
 * reach it at the user's next request), and their preferences.
 *
 * @param siteRoles "siteId:ROLE" pairs, so that "the supervisors of a site" is one equality query
 */
@Document(UserDocument.COLLECTION)
public record UserDocument(@Id String id, String name, List<String> siteRoles, boolean orgAdmin, Instant seenAt,
                           Preferences preferences) {

    public static final String COLLECTION = "users";

    public UserDocument {
        siteRoles = siteRoles == null ? List.of() : List.copyOf(siteRoles);
    }

    public Preferences effectivePreferences() {
        return preferences == null ? Preferences.defaults() : preferences;
    }

    public static String siteRole(String siteId, String role) {
        return siteId + ":" + role;
    }
}
