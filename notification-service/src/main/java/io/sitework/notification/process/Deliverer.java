package io.sitework.notification.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitework.notification.directory.UserDocument;
import io.sitework.notification.email.EmailOutbox;
import io.sitework.notification.email.EmailRequest;
import io.sitework.notification.email.EmailSender;
import io.sitework.notification.email.QuietHours;
import io.sitework.notification.directory.Directory;
import io.sitework.notification.directory.Preferences;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.Channel;
import io.sitework.notification.rules.NotificationKind;
import io.sitework.notification.rules.RuleStore;
import io.sitework.notification.rules.SiteRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From notices to deliveries: the site's rules say who hears each notice, each person's preferences
 * say on which channels, and every (trigger, recipient, channel) is stored once — an inbox entry at
 * once, an e-mail into the outbox (which holds it through quiet hours or for the digest, and sends it). Safe to repeat with the same trigger: nothing is stored twice and
 * only what is stored now is counted.
 */
@Service
public class Deliverer {

    public static final String DELIVERED_METRIC = "sitework.notifications.delivered";
    public static final String LATENCY_METRIC = "sitework.notifications.latency";

    private static final String EMAIL_CHANNEL = EmailSender.CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final RuleStore rules;
    private final Directory directory;
    private final InboxStore inbox;
    private final EmailOutbox email;
    private final Clock clock;
    private final Counter deliveredToInbox;
    private final Timer inboxLatency;

    public Deliverer(RuleStore rules, Directory directory, InboxStore inbox, EmailOutbox email, Clock clock, MeterRegistry meterRegistry) {
        this.rules = rules;
        this.directory = directory;
        this.inbox = inbox;
        this.email = email;
        this.clock = clock;
        this.deliveredToInbox = Counter.builder(DELIVERED_METRIC)
                .description("Notifications delivered to a channel (redeliveries of the same event are not counted)")
                .tag("channel", "inbox")
                .register(meterRegistry);
        this.inboxLatency = Timer.builder(LATENCY_METRIC)
                .description("From the event's time to the delivery of its notification")
                .tag("channel", "inbox")
                .register(meterRegistry);
    }

    /** The people who hear a notice on the trigger's site: never the one who caused it. */
    public Set<String> recipients(Trigger trigger, Notice notice, Map<NotificationKind, SiteRule> siteRules) {
        SiteRule rule = siteRules.get(notice.kind());
        Set<String> recipients = new LinkedHashSet<>();
        if (rule == null || !rule.enabled()) {
            return recipients;
        }
        for (AudienceType type : rule.audience()) {
            recipients.addAll(notice.peopleOf(type));
        }
        recipients.addAll(directory.holdersOf(trigger.siteId(), rule.roles()));
        recipients.removeIf(r -> r == null || r.isBlank());
        if (trigger.actor() != null) {
            recipients.remove(trigger.actor());
        }
        return recipients;
    }

    /** Delivers the notices of one trigger, the first notice winning for a person named by several. */
    public void deliver(Trigger trigger, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Map<NotificationKind, SiteRule> siteRules = rules.effective(trigger.siteId());
        Set<String> told = new LinkedHashSet<>();
        for (Notice notice : notices) {
            for (String recipient : recipients(trigger, notice, siteRules)) {
                if (told.add(recipient)) {
                    deliverTo(trigger, notice, recipient);
                }
            }
        }
    }

    /** A notification planned by a code rule: the inbox only, as such rules always had. */
    public void deliverToInbox(Trigger trigger, PlannedNotification planned) {
        storeInInbox(trigger, planned.recipientId(), planned.subjectId(), planned.title(), planned.body());
    }

    private void deliverTo(Trigger trigger, Notice notice, String recipient) {
        Optional<UserDocument> user = directory.find(recipient);
        Preferences preferences = user.map(UserDocument::effectivePreferences).orElse(Preferences.defaults());
        Set<Channel> channels = preferences.channelsFor(notice.kind());
        if (channels.contains(Channel.INBOX)) {
            storeInInbox(trigger, recipient, notice.subjectId(), notice.title(), notice.body());
        }
        if (channels.contains(Channel.EMAIL)) {
            QuietHours quiet = preferences.hasQuietHours()
                    ? new QuietHours(LocalTime.parse(preferences.quietStart()), LocalTime.parse(preferences.quietEnd())) : null;
            EmailRequest request = new EmailRequest(InboxEntry.idFor(trigger.id(), recipient, EMAIL_CHANNEL), trigger.id(), trigger.type(),
                    trigger.siteId(), recipient, preferences.email(), user.map(UserDocument::name).orElse(null), notice.kind().name(),
                    notice.subjectId(), notice.title(), notice.body(), notice.link(), trigger.occurredAt(), trigger.correlationId(),
                    preferences.zone(), quiet, preferences.digest(), preferences.digest() ? preferences.digestTime() : null);
            if (email.enqueue(request)) {
                log.info("E-mail {} for {} from {} {} queued{}", request.deliveryId(), recipient, trigger.type(), trigger.id(),
                        preferences.digest() ? " for the digest" : "");
            }
        }
    }

    private void storeInInbox(Trigger trigger, String recipient, String subjectId, String title, String body) {
        Instant now = clock.instant();
        InboxEntry entry = new InboxEntry(InboxEntry.idFor(trigger.id(), recipient, InboxEntry.CHANNEL), recipient, trigger.siteId(),
                trigger.id(), trigger.type(), subjectId, title, body, trigger.correlationId(), trigger.occurredAt(), now, null);
        if (inbox.insertIfAbsent(entry)) {
            deliveredToInbox.increment();
            if (trigger.occurredAt() != null && !now.isBefore(trigger.occurredAt())) {
                inboxLatency.record(Duration.between(trigger.occurredAt(), now));
            }
            log.info("Inbox entry {} for {} from {} {}", entry.id(), recipient, trigger.type(), trigger.id());
        } else {
            log.debug("Inbox entry {} from {} already stored; redelivery ignored", entry.id(), trigger.id());
        }
    }
}
