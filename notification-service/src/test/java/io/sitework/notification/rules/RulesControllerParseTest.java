package io.sitework.notification.rules;

import io.sitework.notification.rules.RulesController.RuleInput;
import io.sitework.notification.rules.RulesController.RulesInput;
import io.sitework.support.security.Role;
import io.sitework.support.web.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesControllerParseTest {

    private static final RuleInput VALID = new RuleInput("OVERDUE", true, List.of("OWNER"), List.of("PLANNER"));

    @Test
    void validRulesParse() {
        List<SiteRule> parsed = RulesController.parse(new RulesInput(List.of(
                new RuleInput("WORK_STARTED", false, List.of(), List.of()),
                VALID,
                new RuleInput("PERMIT_REQUESTED", true, null, List.of("PERMIT_AUTHORITY", "SUPERVISOR")),
                new RuleInput("WORK_CHANGED", true, List.of("WATCHERS", "OWNER", "WATCHERS"), null))));

        assertThat(parsed).containsExactly(
                new SiteRule(NotificationKind.WORK_STARTED, false, null, null),
                new SiteRule(NotificationKind.OVERDUE, true, java.util.Set.of(AudienceType.OWNER), java.util.Set.of(Role.PLANNER)),
                new SiteRule(NotificationKind.PERMIT_REQUESTED, true, null, java.util.Set.of(Role.PERMIT_AUTHORITY, Role.SUPERVISOR)),
                new SiteRule(NotificationKind.WORK_CHANGED, true, java.util.Set.of(AudienceType.WATCHERS, AudienceType.OWNER), null));
        assertThat(RulesController.parse(new RulesInput(List.of()))).as("an empty list: the defaults").isEmpty();
    }

    @Test
    void missingRulesAreRefused() {
        assertThat(field(null)).isEqualTo("rules");
        assertThat(field(new RulesInput(null))).isEqualTo("rules");
        assertThat(field(new RulesInput(Arrays.asList(VALID, null)))).isEqualTo("rules[1]");
    }

    @Test
    void anUnknownOrMissingKindIsRefused() {
        assertThat(field(rules(new RuleInput("WORK_TELEPORTED", true, List.of("OWNER"), List.of())))).isEqualTo("rules[0].kind");
        assertThat(field(rules(new RuleInput("overdue", true, List.of("OWNER"), List.of())))).as("names are exact").isEqualTo("rules[0].kind");
        assertThat(field(rules(new RuleInput(null, true, List.of("OWNER"), List.of())))).isEqualTo("rules[0].kind");
        assertThat(field(rules(new RuleInput(" ", true, List.of("OWNER"), List.of())))).isEqualTo("rules[0].kind");
    }

    @Test
    void aKindListedTwiceIsRefusedAtItsSecondPlace() {
        BadRequestException e = refused(rules(VALID, new RuleInput("WORK_STARTED", false, List.of(), List.of()),
                new RuleInput("OVERDUE", false, List.of(), List.of())));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.field()).isEqualTo("rules[2].kind");
            assertThat(err.message()).contains("OVERDUE").contains("twice");
        });
    }

    @Test
    void enabledIsRequired() {
        assertThat(field(rules(new RuleInput("OVERDUE", null, List.of("OWNER"), List.of())))).isEqualTo("rules[0].enabled");
    }

    @Test
    void anEnabledRuleMustNameAnAudienceOrARole() {
        assertThat(field(rules(new RuleInput("OVERDUE", true, List.of(), List.of())))).isEqualTo("rules[0]");
        assertThat(field(rules(VALID, new RuleInput("WORK_STARTED", true, null, null)))).isEqualTo("rules[1]");
    }

    @Test
    void anUnknownAudienceOrRoleIsRefused() {
        assertThat(field(rules(new RuleInput("OVERDUE", true, List.of("OWNER", "EVERYONE"), List.of())))).isEqualTo("rules[0].audience");
        assertThat(field(rules(new RuleInput("OVERDUE", true, Arrays.asList("OWNER", null), List.of())))).isEqualTo("rules[0].audience");
        assertThat(field(rules(new RuleInput("OVERDUE", true, List.of(), List.of("ORG_ADMIN"))))).as("not a site role")
                .isEqualTo("rules[0].roles");
        assertThat(field(rules(new RuleInput("OVERDUE", false, List.of(), List.of("KING"))))).as("even on a disabled rule")
                .isEqualTo("rules[0].roles");
    }

    private static RulesInput rules(RuleInput... rules) {
        return new RulesInput(List.of(rules));
    }

    private static String field(RulesInput input) {
        BadRequestException e = refused(input);
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0).field();
    }

    private static BadRequestException refused(RulesInput input) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> RulesController.parse(input));
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
