package io.sitework.notification.process;

import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.NotificationKind;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One notification a trigger causes, before its site's rule says who hears it: the kind, what it is
 * about and its text, and the people the item names for each audience type.
 *
 * @param subjectId what it is about (a work or permit id)
 * @param link      the portal path of the subject, e.g. {@code /work/<id>}
 */
public record Notice(NotificationKind kind, String subjectId, String link, String title, String body,
                     Map<AudienceType, Collection<String>> people) {

    public Notice {
        people = people == null ? Map.of() : Map.copyOf(people);
    }

    public Collection<String> peopleOf(AudienceType type) {
        return people.getOrDefault(type, List.of());
    }
}
