package io.sitework.notification.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sitework.notification.directory.Directory;
import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.NotificationKind;
import io.sitework.notification.rules.SiteRule;
import io.sitework.notification.rules.SiteRules;
import io.sitework.support.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.sitework.notification.UnitEvents.SITE;
import static io.sitework.notification.UnitEvents.T0;
import static io.sitework.notification.UnitEvents.WORK;
import static org.assertj.core.api.Assertions.assertThat;

class DelivererRecipientsTest {

    /** The directory's one question here, answered from memory with the same meaning: users holding any of the roles on the site. */
    static class RoleHolders extends Directory {
        private final Map<String, Map<String, Set<Role>>> rolesBySite = new HashMap<>();

        RoleHolders() {
            super(null);
        }

        RoleHolders grant(String site, String user, Role role) {
            rolesBySite.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(user, u -> new java.util.HashSet<>()).add(role);
            return this;
        }

        @Override
        public Set<String> holdersOf(String siteId, Collection<Role> roles) {
            Set<String> holders = new TreeSet<>();
            rolesBySite.getOrDefault(siteId, Map.of()).forEach((user, held) -> {
                if (held.stream().anyMatch(roles::contains)) {
                    holders.add(user);
                }
            });
            return holders;
        }
    }

    private final RoleHolders directory = new RoleHolders()
            .grant(SITE, "u-sue", Role.SUPERVISOR)
            .grant(SITE, "u-paula", Role.PERMIT_AUTHORITY)
            .grant(SITE, "u-pete", Role.PLANNER)
            .grant("site-south", "u-sid", Role.SUPERVISOR);
    private final Deliverer deliverer = new Deliverer(null, directory, null, null, Clock.systemUTC(), new SimpleMeterRegistry());
    private final Map<NotificationKind, SiteRule> defaults = SiteRules.effective(null);

    @Test
    void theDefaultRuleTellsOwnerAndAssigneesButNotWatchersOfASpecificKind() {
        Notice blocked = notice(NotificationKind.BLOCKER_RAISED, Map.of(AudienceType.OWNER, List.of("u-owner"),
                AudienceType.ASSIGNEES, List.of("u-carla", "u-dan"), AudienceType.WATCHERS, List.of("u-wendy")));

        assertThat(deliverer.recipients(trigger("u-tech"), blocked, defaults)).containsExactlyInAnyOrder("u-owner", "u-carla", "u-dan");
    }

    @Test
    void roleHoldersOfTheTriggersSiteOnlyAreTold() {
        Notice escalated = notice(NotificationKind.BLOCKED_ESCALATED, Map.of(AudienceType.OWNER, List.of("u-owner"),
                AudienceType.ASSIGNEES, List.of("u-carla")));

        assertThat(deliverer.recipients(trigger(null), escalated, defaults)).containsExactlyInAnyOrder("u-owner", "u-sue");
        assertThat(deliverer.recipients(trigger(null), notice(NotificationKind.PERMIT_REQUESTED,
                Map.of(AudienceType.PERMIT_REQUESTER, List.of("u-rita"))), defaults)).containsExactly("u-paula");
    }

    @Test
    void theOneWhoCausedItIsNeverToldAndEveryoneElseOnce() {
        Map<NotificationKind, SiteRule> rules = new EnumMap<>(defaults);
        rules.put(NotificationKind.OVERDUE, new SiteRule(NotificationKind.OVERDUE, true, Set.of(AudienceType.OWNER, AudienceType.ASSIGNEES,
                AudienceType.WATCHERS), Set.of(Role.SUPERVISOR, Role.PLANNER)));
        Notice overdue = notice(NotificationKind.OVERDUE, Map.of(AudienceType.OWNER, List.of("u-sue"),
                AudienceType.ASSIGNEES, Arrays.asList("u-carla", "u-sue", null, " "), AudienceType.WATCHERS, List.of("u-pete", "u-carla")));

        assertThat(deliverer.recipients(trigger("u-carla"), overdue, rules)).containsExactlyInAnyOrder("u-sue", "u-pete");
        assertThat(deliverer.recipients(trigger(null), overdue, rules)).containsExactlyInAnyOrder("u-sue", "u-carla", "u-pete");
    }

    @Test
    void aDisabledOrMissingRuleTellsNobody() {
        Notice started = notice(NotificationKind.WORK_STARTED, Map.of(AudienceType.OWNER, List.of("u-owner")));
        Map<NotificationKind, SiteRule> rules = new EnumMap<>(defaults);
        rules.put(NotificationKind.WORK_STARTED, new SiteRule(NotificationKind.WORK_STARTED, false, Set.of(AudienceType.OWNER),
                Set.of(Role.SUPERVISOR)));

        assertThat(deliverer.recipients(trigger(null), started, rules)).isEmpty();
        assertThat(deliverer.recipients(trigger(null), started, Map.of())).isEmpty();
    }

    @Test
    void aSitesRuleCanNameThePermitRequester() {
        Map<NotificationKind, SiteRule> rules = new EnumMap<>(defaults);
        rules.put(NotificationKind.LINKED_WORK_DONE, new SiteRule(NotificationKind.LINKED_WORK_DONE, true,
                Set.of(AudienceType.PERMIT_HOLDER, AudienceType.PERMIT_REQUESTER), Set.of()));
        Notice done = notice(NotificationKind.LINKED_WORK_DONE, Map.of(AudienceType.PERMIT_HOLDER, List.of("u-henry"),
                AudienceType.PERMIT_REQUESTER, List.of("u-rita")));

        assertThat(deliverer.recipients(trigger(null), done, defaults)).containsExactly("u-henry");
        assertThat(deliverer.recipients(trigger(null), done, rules)).containsExactlyInAnyOrder("u-henry", "u-rita");
    }

    private static Trigger trigger(String actor) {
        return new Trigger("e-1", "io.sitework.work.overdue.v1", SITE, T0, "corr-1", actor);
    }

    private static Notice notice(NotificationKind kind, Map<AudienceType, ? extends Collection<String>> people) {
        return new Notice(kind, WORK, "/work/" + WORK, "title", "body", Map.copyOf(people));
    }
}
