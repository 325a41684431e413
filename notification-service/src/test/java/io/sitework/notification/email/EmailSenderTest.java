package io.sitework.notification.email;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the sender does with each outcome of a send; the store and the SMTP server are stand-ins. */
class EmailSenderTest {

    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");

    private final OutboxStore store = mock(OutboxStore.class);
    private final MailTransport transport = mock(MailTransport.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EmailProperties properties = new EmailProperties(null, "Sitework <sitework@localhost>", Duration.ofSeconds(2),
            Duration.ofMinutes(5), 10, new EmailProperties.Retry(Duration.ofSeconds(10), Duration.ofMinutes(15), 3));
    private final EmailSender sender = new EmailSender(store, new EmailRenderer("http://localhost:8080"), transport, properties,
            Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void anSmtpFailureIsRetriedAfterTheBackoff() {
        OutboxMessage claimed = claimed(2);
        doThrow(new MailSendException("connection refused")).when(transport).send(any());
        when(store.reschedule(any(), any(), anyString())).thenReturn(true);

        assertThat(sender.tick()).isEqualTo(1);

        verify(store).reschedule(claimed, NOW.plusSeconds(20), "MailSendException: connection refused");
        verify(store, never()).markSent(any(), any());
        assertThat(count(EmailSender.RETRIED_METRIC)).isEqualTo(1.0);
        assertThat(count(EmailSender.FAILED_METRIC)).isZero();
    }

    @Test
    void afterTheLastAttemptTheMessageFailsWithTheLastError() {
        OutboxMessage claimed = claimed(3);
        doThrow(new MailSendException("550 mailbox unavailable")).when(transport).send(any());
        when(store.markFailed(any(), anyString())).thenReturn(true);

        sender.tick();

        verify(store).markFailed(claimed, "MailSendException: 550 mailbox unavailable");
        verify(store, never()).reschedule(any(), any(), anyString());
        assertThat(count(EmailSender.FAILED_METRIC)).isEqualTo(1.0);
    }

    @Test
    void anEmailThatCannotBeBuiltFailsAtOnce() {
        OutboxMessage claimed = claimed(1);
        doThrow(new MailParseException("bad address")).when(transport).send(any());
        when(store.markFailed(any(), anyString())).thenReturn(true);

        sender.tick();

        verify(store).markFailed(claimed, "MailParseException: bad address");
        assertThat(count(EmailSender.RETRIED_METRIC)).isZero();
    }

    @Test
    void aDigestWithNothingLeftToCarryIsSkippedWithoutAnEmail() {
        OutboxMessage digest = new OutboxMessage("g-1", OutboxMessage.DIGEST, OutboxMessage.SENDING, null, null, null, "u-anna",
                "anna@example.test", null, null, null, null, null, null, null, null, "UTC", null, null, null, NOW, null, null, NOW,
                "2026-06-10", 1, null, null, NOW, null);
        when(store.claimNext(any(), any())).thenReturn(Optional.of(digest), Optional.empty());
        when(store.itemsOf(digest)).thenReturn(List.of());

        sender.tick();

        verify(store).markSkipped(digest, NOW);
        verify(transport, never()).send(any());
        assertThat(count(EmailSender.DELIVERED_METRIC)).isZero();
    }

    private OutboxMessage claimed(int attempts) {
        OutboxMessage message = new OutboxMessage("d-1", OutboxMessage.MESSAGE, OutboxMessage.SENDING, "e-1", "t", "s-1", "u-anna",
                "anna@example.test", null, null, "w-1", "Title", "", null, NOW, null, "UTC", null, null, null, NOW, null, null, null, null,
                attempts, NOW.plusSeconds(300), null, NOW, null);
        when(store.claimNext(any(), any())).thenReturn(Optional.of(message), Optional.empty());
        return message;
    }

    private double count(String name) {
        return meters.get(name).tag("channel", "email").counter().count();
    }
}
