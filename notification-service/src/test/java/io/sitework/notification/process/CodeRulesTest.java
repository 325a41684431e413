package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.WorkStarted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static io.sitework.notification.UnitEvents.SITE;
import static io.sitework.notification.UnitEvents.WORK;
import static io.sitework.notification.UnitEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class CodeRulesTest {

    private static NotificationRule rule(String type, Function<CloudEvent, List<PlannedNotification>> plan) {
        return new NotificationRule() {
            @Override
            public String eventType() {
                return type;
            }

            @Override
            public List<PlannedNotification> notificationsFor(CloudEvent event) {
                return plan.apply(event);
            }
        };
    }

    private final CloudEvent started = event(EventCatalog.WORK_STARTED, 1, "u-tech", new WorkStarted(WORK, SITE, "u-tech"));

    @Test
    void twoRulesSpeakingToOnePersonMakeOneNotificationTheFirstRulesOne() {
        CodeRules rules = new CodeRules(List.of(
                rule(EventCatalog.WORK_STARTED.type(), e -> List.of(new PlannedNotification("u-a", null, "first", ""),
                        new PlannedNotification("u-b", "other", "for b", ""))),
                rule(EventCatalog.WORK_STARTED.type(), e -> List.of(new PlannedNotification("u-a", null, "second", ""),
                        new PlannedNotification("u-c", null, "for c", "")))));

        List<PlannedNotification> planned = rules.plannedFor(started);

        assertThat(planned).extracting(PlannedNotification::recipientId).containsExactly("u-a", "u-b", "u-c");
        assertThat(planned.get(0).title()).isEqualTo("first");
        assertThat(planned.get(0).subjectId()).as("no subject: the event's").isEqualTo(WORK);
        assertThat(planned.get(1).subjectId()).as("a subject of its own is kept").isEqualTo("other");
    }

    @Test
    void anEventTypeNoRuleKnowsYieldsNothing() {
        CodeRules rules = new CodeRules(List.of(rule(EventCatalog.WORK_COMPLETED.type(), e -> {
            throw new AssertionError("not asked");
        })));

        assertThat(rules.handles(EventCatalog.WORK_STARTED.type())).isFalse();
        assertThat(rules.handles(EventCatalog.WORK_COMPLETED.type())).isTrue();
        assertThat(rules.plannedFor(started)).isEmpty();
        assertThat(new CodeRules(List.of()).plannedFor(started)).isEmpty();
    }
}
