package io.sitework.notification.directory;

import io.sitework.support.security.Role;
import io.sitework.support.security.SiteworkUser;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The people notification-service can notify. Identity and roles come from the tokens of their own
 * requests (the identity provider stays the one source of truth: nothing here grants anything); a
 * site's role holders are therefore the users who have used Sitework with that role. Single-document
 * upserts only.
 */
@Repository
public class Directory {

    private final MongoTemplate mongo;
    /** The identity last written per user, so an unchanged token costs no write. */
    private final Map<String, String> lastWritten = new ConcurrentHashMap<>();

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records who the caller is, if it changed since this instance last wrote it. */
    public void learn(SiteworkUser user, Instant now) {
        List<String> siteRoles = siteRoles(user.sites());
        String fingerprint = user.name() + "|" + user.orgAdmin() + "|" + siteRoles;
        if (fingerprint.equals(lastWritten.get(user.subject()))) {
            return;
        }
        mongo.upsert(query(where("_id").is(user.subject())),
                new Update().set("name", user.name()).set("siteRoles", siteRoles).set("orgAdmin", user.orgAdmin()).set("seenAt", now),
                UserDocument.class);
        lastWritten.put(user.subject(), fingerprint);
    }

    public Optional<UserDocument> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, UserDocument.class));
    }

    public Preferences preferencesOf(String userId) {
        return find(userId).map(UserDocument::effectivePreferences).orElse(Preferences.defaults());
    }

    public void savePreferences(String userId, Preferences preferences) {
        mongo.upsert(query(where("_id").is(userId)), new Update().set("preferences", preferences), UserDocument.class);
    }

    /** The users holding any of the roles on the site. */
    public Set<String> holdersOf(String siteId, Collection<Role> roles) {
        if (siteId == null || roles.isEmpty()) {
            return Set.of();
        }
        List<String> pairs = roles.stream().map(role -> UserDocument.siteRole(siteId, role.name())).toList();
        Set<String> holders = new TreeSet<>();
        mongo.find(query(where("siteRoles").in(pairs)), UserDocument.class).forEach(u -> holders.add(u.id()));
        return holders;
    }

    private static List<String> siteRoles(Map<String, Set<Role>> sites) {
        List<String> pairs = new ArrayList<>();
        sites.forEach((site, roles) -> roles.forEach(role -> pairs.add(UserDocument.siteRole(site, role.name()))));
        pairs.sort(null);
        return pairs;
    }
}
