package io.sitework.notification.rules;

import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.Permission;
import io.sitework.support.security.Role;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's notification rules: everyone on the site may read who is told what; only a SITE_ADMIN
 * (Permission.NOTIFICATION_RULES_MANAGE) changes it. A change applies from the next event on.
 */
@RestController
@RequestMapping("/api/notifications/rules/{siteId}")
@Tag(name = "Notification rules", description = "Who on a site hears which kind of notification")
public class RulesController {

    private final RuleStore rules;
    private final SiteAccess siteAccess;
    private final Clock clock;

    public RulesController(RuleStore rules, SiteAccess siteAccess, Clock clock) {
        this.rules = rules;
        this.siteAccess = siteAccess;
        this.clock = clock;
    }

    public record RuleView(NotificationKind kind, String description, boolean enabled, Set<AudienceType> audience, Set<Role> roles,
                           boolean isDefault) {
    }

    public record RulesView(String siteId, List<RuleView> rules, long version) {
    }

    /** One rule as sent by a site admin; every field is required so that a rule never half-changes. */
    public record RuleInput(String kind, Boolean enabled, List<String> audience, List<String> roles) {
    }

    public record RulesInput(List<RuleInput> rules) {
    }

    @GetMapping
    @Operation(summary = "The site's rules for every kind: its own where it changed one, the default otherwise")
    public RulesView get(@PathVariable String siteId) {
        siteAccess.checkRead(Permission.SITE_READ, siteId, "No site " + siteId);
        return view(siteId, rules.find(siteId));
    }

    @PutMapping
    @Operation(summary = "Replaces the site's own rules; kinds not listed follow the defaults")
    public RulesView put(@PathVariable String siteId, @RequestBody RulesInput input) {
        siteAccess.checkCommand(Permission.NOTIFICATION_RULES_MANAGE, siteId);
        List<SiteRule> parsed = parse(input);
        SiteRules current = rules.find(siteId);
        SiteRules next = new SiteRules(siteId, parsed, clock.instant(), CurrentUser.get().subject(),
                current == null ? 1 : current.version() + 1);
        rules.save(next);
        return view(siteId, next);
    }

    @DeleteMapping
    @Operation(summary = "Back to the defaults for every kind")
    public RulesView reset(@PathVariable String siteId) {
        siteAccess.checkCommand(Permission.NOTIFICATION_RULES_MANAGE, siteId);
        rules.reset(siteId);
        return view(siteId, null);
    }

    private static RulesView view(String siteId, SiteRules stored) {
        Map<NotificationKind, SiteRule> effective = SiteRules.effective(stored);
        Set<NotificationKind> own = new HashSet<>();
        if (stored != null) {
            stored.rules().forEach(r -> own.add(r.kind()));
        }
        List<RuleView> views = new ArrayList<>();
        effective.forEach((kind, rule) -> views.add(new RuleView(kind, kind.description(), rule.enabled(), rule.audience(), rule.roles(),
                !own.contains(kind))));
        return new RulesView(siteId, views, stored == null ? 0 : stored.version());
    }

    static List<SiteRule> parse(RulesInput input) {
        if (input == null || input.rules() == null) {
            throw new BadRequestException("rules", "rules is required (an empty list means: the defaults for every kind)");
        }
        List<SiteRule> parsed = new ArrayList<>();
        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        for (int i = 0; i < input.rules().size(); i++) {
            RuleInput rule = input.rules().get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                throw new BadRequestException(at, at + " is null");
            }
            NotificationKind kind = parseEnum(NotificationKind.class, rule.kind(), at + ".kind");
            if (!seen.add(kind)) {
                throw new BadRequestException(at + ".kind", "kind " + kind + " is listed twice");
            }
            if (rule.enabled() == null) {
                throw new BadRequestException(at + ".enabled", at + ".enabled is required");
            }
            Set<AudienceType> audience = EnumSet.noneOf(AudienceType.class);
            for (String a : rule.audience() == null ? List.<String>of() : rule.audience()) {
                audience.add(parseEnum(AudienceType.class, a, at + ".audience"));
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : rule.roles() == null ? List.<String>of() : rule.roles()) {
                roles.add(parseEnum(Role.class, r, at + ".roles"));
            }
            if (rule.enabled() && audience.isEmpty() && roles.isEmpty()) {
                throw new BadRequestException(at, "an enabled rule must name an audience or a role (disable it to tell nobody)");
            }
            parsed.add(new SiteRule(kind, rule.enabled(), audience, roles));
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, field + " is required");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, field + " '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
