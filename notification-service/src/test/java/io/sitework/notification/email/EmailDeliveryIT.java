package io.sitework.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.infra.MailSink;
import io.sitework.support.test.MutableClock;
import io.sitework.support.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mail channel against a real SMTP server (GreenMail, through embedded-infra's {@link MailSink}) and
 * the in-process MongoDB. Time is a {@link MutableClock} and the workers run only when a test calls
 * {@code tick()}; each test mails addresses of its own, so what other tests leave in the outbox does not matter.
 */
@SpringBootTest
class EmailDeliveryIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration EVENTUALLY = Duration.ofSeconds(10);

    private static MailSink mail = MailSink.start("127.0.0.1", 0, 0);
    private static final int SMTP_PORT = mail.smtpPort();

    @Autowired
    private EmailOutbox outbox;
    @Autowired
    private EmailSender sender;
    @Autowired
    private DigestScheduler digests;
    @Autowired
    private MutableClock clock;
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_email");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("sitework.notification.scheduling.enabled", () -> "false");
        registry.add("sitework.notification.portal-url", () -> "https://portal.sitework.test");
        registry.add("sitework.notification.email.from", () -> "Sitework Test <noreply@sitework.test>");
        registry.add("sitework.notification.email.retry.initial-backoff", () -> "PT10S");
        registry.add("sitework.notification.email.retry.max-backoff", () -> "PT1M");
        registry.add("sitework.notification.email.retry.max-attempts", () -> "5");
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-06-10T10:00:00Z"));
        }
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @Test
    void anEmailHasATextAndAnHtmlPartAndTheRightHeaders() throws Exception {
        clock.set(Instant.parse("2026-06-10T10:00:00Z"));
        String to = address("anna");
        EmailRequest request = request(to, "Replace the <seal> on P-101", null, false, null);
        double delivered = counter(EmailSender.DELIVERED_METRIC);
        long timed = meters.get(EmailSender.LATENCY_METRIC).tag("channel", "email").timer().count();

        assertThat(outbox.enqueue(request)).isTrue();
        sender.tick();

        MimeMessage message = awaitMailTo(to, 1).get(0);
        assertThat(message.getMessageID()).isEqualTo("<" + request.deliveryId() + "@sitework>");
        assertThat(message.getSubject()).isEqualTo("Replace the <seal> on P-101");
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Anna Planner");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Sitework Test <noreply@sitework.test>");
        assertThat(message.getHeader("X-Sitework-Event-Id")).containsExactly(request.eventId());
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Replace the <seal> on P-101")
                .contains("https://portal.sitework.test/work/w-1");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("Replace the &lt;seal&gt; on P-101")
                .contains("href=\"https://portal.sitework.test/work/w-1\"");
        assertThat(counter(EmailSender.DELIVERED_METRIC) - delivered).isEqualTo(1.0);
        assertThat(meters.get(EmailSender.LATENCY_METRIC).tag("channel", "email").timer().count() - timed).isEqualTo(1);
    }

    @Test
    void theSameRequestEnqueuedTwiceIsOneEmail() throws Exception {
        clock.set(Instant.parse("2026-06-10T10:00:00Z"));
        String to = address("bruno");
        EmailRequest request = request(to, "Once only", null, false, null);

        assertThat(outbox.enqueue(request)).isTrue();
        assertThat(outbox.enqueue(request)).isFalse();
        sender.tick();
        assertThat(outbox.enqueue(request)).as("after it was sent, too").isFalse();
        clock.advance(Duration.ofHours(1));
        sender.tick();

        awaitMailTo(to, 1);
        assertThat(mailTo(to)).hasSize(1);
    }

    @Test
    void duringQuietHoursNothingIsSentUntilTheyEnd() throws Exception {
        clock.set(Instant.parse("2026-06-10T21:00:00Z")); // 23:00 in Paris
        String to = address("chris");
        EmailRequest request = request(to, "Not at night", new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0)), false, null);

        outbox.enqueue(request);
        sender.tick();
        clock.set(Instant.parse("2026-06-11T03:59:59Z")); // 05:59:59 in Paris
        sender.tick();
        assertThat(mailTo(to)).isEmpty();

        clock.set(Instant.parse("2026-06-11T04:00:00Z")); // 06:00
        sender.tick();
        awaitMailTo(to, 1);
    }

    @Test
    void aDigestCarriesEveryCollectedItemAtItsTimeAndNoneBefore() throws Exception {
        clock.set(Instant.parse("2026-06-10T10:00:00Z")); // 12:00 in Paris; the digest is at 18:00
        String to = address("dana");
        LocalTime six = LocalTime.of(18, 0);
        String recipient = "u-" + to;
        List<EmailRequest> items = List.of(digestItem(to, recipient, "First item", six), digestItem(to, recipient, "Second item", six),
                digestItem(to, recipient, "Third <item>", six));
        items.forEach(item -> assertThat(outbox.enqueue(item)).isTrue());

        digests.tick();
        sender.tick();
        clock.set(Instant.parse("2026-06-10T15:59:59Z"));
        digests.tick();
        sender.tick();
        assertThat(mailTo(to)).as("nothing before 18:00").isEmpty();

        clock.set(Instant.parse("2026-06-10T16:00:00Z"));
        assertThat(digests.tick()).isGreaterThanOrEqualTo(1);
        sender.tick();
        MimeMessage digest = awaitMailTo(to, 1).get(0);
        String text = (String) ((Multipart) digest.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("First item", "Second item", "Third <item>");
        assertThat(digest.getSubject()).isEqualTo("Your Sitework digest for Wed 10 Jun 2026: 3 notifications");
        assertThat(digest.getMessageID()).isEqualTo("<" + DigestScheduler.digestIdFor(recipient, java.time.LocalDate.of(2026, 6, 10)) + "@sitework>");

        // the same day again: nothing more; a later item waits for tomorrow's digest
        clock.set(Instant.parse("2026-06-10T16:05:00Z"));
        outbox.enqueue(digestItem(to, recipient, "Late item", six));
        digests.tick();
        sender.tick();
        assertThat(mailTo(to)).hasSize(1);
        clock.set(Instant.parse("2026-06-11T16:00:00Z"));
        digests.tick();
        sender.tick();
        List<MimeMessage> both = awaitMailTo(to, 2);
        String second = (String) ((Multipart) both.get(1).getContent()).getBodyPart(0).getContent();
        assertThat(second).contains("Late item").doesNotContain("First item", "Second item");
    }

    @Test
    void whileTheSmtpServerIsDownTheEmailIsRetriedAndSentOnceWhenItIsBack() throws Exception {
        clock.set(Instant.parse("2026-06-12T10:00:00Z"));
        String to = address("emil");
        double retried = counter(EmailSender.RETRIED_METRIC);
        mail.close();
        try {
            outbox.enqueue(request(to, "Through an outage", null, false, null));
            sender.tick();
            assertThat(counter(EmailSender.RETRIED_METRIC) - retried).isGreaterThanOrEqualTo(1.0);
        } finally {
            mail = MailSink.start("127.0.0.1", SMTP_PORT, 0);
        }
        sender.tick();
        assertThat(mailTo(to)).as("not before the backoff has passed").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        sender.tick();
        awaitMailTo(to, 1);
        clock.advance(Duration.ofHours(1));
        sender.tick();
        assertThat(mailTo(to)).hasSize(1);
    }

    private double counter(String name) {
        return meters.get(name).tag("channel", "email").counter().count();
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static EmailRequest request(String to, String title, QuietHours quiet, boolean digest, LocalTime digestAt) {
        String eventId = UUID.randomUUID().toString();
        String recipient = "u-" + to;
        return new EmailRequest(io.sitework.notification.inbox.InboxEntry.idFor(eventId, recipient, EmailSender.CHANNEL), eventId,
                "io.sitework.work.requested.v1", "s-1", recipient, to, "Anna Planner", "work", "w-1", title,
                "Seal leaking since night shift", "/work/w-1", Instant.parse("2026-06-10T09:59:00Z"), "c-1", PARIS, quiet, digest,
                digestAt);
    }

    private static EmailRequest digestItem(String to, String recipient, String title, LocalTime at) {
        String eventId = UUID.randomUUID().toString();
        return new EmailRequest(io.sitework.notification.inbox.InboxEntry.idFor(eventId, recipient, EmailSender.CHANNEL), eventId,
                "io.sitework.work.requested.v1", "s-1", recipient, to, "Dana", "work", "w-" + eventId, title, "", "/work/w-1",
                Instant.parse("2026-06-10T09:00:00Z"), null, PARIS, null, true, at);
    }

    private static List<MimeMessage> mailTo(String address) {
        return mail.receivedMessages().stream().filter(m -> {
            try {
                return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMailTo(String address, int count) {
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(mailTo(address)).hasSize(count));
        return mailTo(address);
    }
}
