package io.sitework.notification.rules;

import io.sitework.support.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteRulesTest {

    @Test
    void aSiteWithoutRulesHasTheDefaultOfEveryKind() {
        Map<NotificationKind, SiteRule> effective = SiteRules.effective(null);

        assertThat(effective).containsOnlyKeys(NotificationKind.values());
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(effective.get(kind)).as(kind.name()).isEqualTo(kind.defaultRule());
            assertThat(effective.get(kind).enabled()).as(kind.name()).isTrue();
        }
        assertThat(effective.get(NotificationKind.WORK_ASSIGNED).audience()).containsExactlyInAnyOrder(AudienceType.OWNER, AudienceType.ASSIGNEES);
        assertThat(effective.get(NotificationKind.WORK_CHANGED).audience()).containsExactly(AudienceType.WATCHERS);
        assertThat(effective.get(NotificationKind.PERMIT_REQUESTED).audience()).isEmpty();
        assertThat(effective.get(NotificationKind.PERMIT_REQUESTED).roles()).containsExactly(Role.PERMIT_AUTHORITY);
        assertThat(effective.get(NotificationKind.LINKED_WORK_DONE).audience()).containsExactly(AudienceType.PERMIT_HOLDER);
        assertThat(effective.get(NotificationKind.OVERDUE_ESCALATED).roles()).containsExactly(Role.SUPERVISOR);
        assertThat(effective.get(NotificationKind.BLOCKED_ESCALATED).audience()).containsExactly(AudienceType.OWNER);
        assertThat(effective.get(NotificationKind.BLOCKED_ESCALATED).roles()).containsExactly(Role.SUPERVISOR);
        assertThat(SiteRules.effective(new SiteRules("s", null, null, null, 0))).isEqualTo(effective);
    }

    @Test
    void aSitesOwnRuleReplacesTheDefaultWhollyAndOtherKindsKeepTheirs() {
        SiteRule quietStart = new SiteRule(NotificationKind.WORK_STARTED, false, Set.of(), Set.of());
        SiteRule overdueToPlanners = new SiteRule(NotificationKind.OVERDUE, true, Set.of(AudienceType.OWNER), Set.of(Role.PLANNER));
        SiteRules stored = new SiteRules("site-north", List.of(quietStart, overdueToPlanners), Instant.EPOCH, "u-admin", 3);

        Map<NotificationKind, SiteRule> effective = SiteRules.effective(stored);

        assertThat(effective).containsOnlyKeys(NotificationKind.values());
        assertThat(effective.get(NotificationKind.WORK_STARTED).enabled()).isFalse();
        assertThat(effective.get(NotificationKind.OVERDUE).audience()).as("ASSIGNEES of the default is not merged in")
                .containsExactly(AudienceType.OWNER);
        assertThat(effective.get(NotificationKind.OVERDUE).roles()).containsExactly(Role.PLANNER);
        EnumSet.complementOf(EnumSet.of(NotificationKind.WORK_STARTED, NotificationKind.OVERDUE))
                .forEach(kind -> assertThat(effective.get(kind)).as(kind.name()).isEqualTo(kind.defaultRule()));
    }

    @Test
    void aRuleNeedsAKindAndNoAudienceMeansEmpty() {
        assertThatThrownBy(() -> new SiteRule(null, true, Set.of(), Set.of())).isInstanceOf(NullPointerException.class);
        SiteRule rule = new SiteRule(NotificationKind.OVERDUE, false, null, null);
        assertThat(rule.audience()).isEmpty();
        assertThat(rule.roles()).isEmpty();
    }

    @Test
    void theDefaultChannelsAreTheInboxAndEmailOnlyForWhatNeedsAttentionSoon() {
        assertThat(NotificationKind.WORK_ASSIGNED.defaultChannels()).containsExactlyInAnyOrder(Channel.INBOX, Channel.EMAIL);
        assertThat(NotificationKind.OVERDUE.defaultChannels()).containsExactlyInAnyOrder(Channel.INBOX, Channel.EMAIL);
        assertThat(NotificationKind.WORK_STARTED.defaultChannels()).containsExactly(Channel.INBOX);
        assertThat(NotificationKind.WORK_CHANGED.defaultChannels()).containsExactly(Channel.INBOX);
        assertThat(NotificationKind.BLOCKER_RESOLVED.defaultChannels()).containsExactly(Channel.INBOX);
    }
}
