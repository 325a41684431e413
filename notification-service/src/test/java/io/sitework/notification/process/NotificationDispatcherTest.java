package io.sitework.notification.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sitework.events.CloudEvent;
import io.sitework.notification.TestEvents;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.webhook.WebhookFanout;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class NotificationDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private final InboxStore inbox = mock(InboxStore.class);
    private final WebhookFanout webhooks = mock(WebhookFanout.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(
            new InboxProjection(List.of(new WorkRequestedRule())), inbox, Clock.fixed(NOW, ZoneOffset.UTC), meters, webhooks);

    @Test
    void storesTheEntryAndCountsItAsDeliveredToTheInbox() {
        when(inbox.insertIfAbsent(any())).thenReturn(true);
        CloudEvent event = TestEvents.workRequested("w-1", "u-tech-bruno");

        dispatcher.dispatch(event);

        ArgumentCaptor<InboxEntry> stored = ArgumentCaptor.forClass(InboxEntry.class);
        verify(inbox).insertIfAbsent(stored.capture());
        assertThat(stored.getValue().eventId()).isEqualTo(event.id());
        assertThat(stored.getValue().createdAt()).isEqualTo(NOW);
        assertThat(delivered()).isEqualTo(1.0);
    }

    @Test
    void aRedeliveredEventIsNotCountedAgain() {
        when(inbox.insertIfAbsent(any())).thenReturn(true, false);
        CloudEvent event = TestEvents.workRequested("w-1", "u-tech-bruno");

        dispatcher.dispatch(event);
        dispatcher.dispatch(event);

        assertThat(delivered()).isEqualTo(1.0);
    }

    @Test
    void eventsWithoutARuleTouchNothing() {
        dispatcher.dispatch(TestEvents.workCompleted("w-1"));
        dispatcher.dispatch(TestEvents.workStarted("w-1", "u-tech-bruno"));

        verifyNoInteractions(inbox);
        assertThat(delivered()).isZero();
    }

    @Test
    void everyEventGoesToTheWebhooksWhetherOrNotARuleKnowsIt() {
        CloudEvent completed = TestEvents.workCompleted("w-1");
        CloudEvent requested = TestEvents.workRequested("w-1", "u-tech-bruno");
        when(inbox.insertIfAbsent(any())).thenReturn(true);

        dispatcher.dispatch(completed);
        dispatcher.dispatch(requested);

        verify(webhooks).onEvent(completed);
        verify(webhooks).onEvent(requested);
    }

    @Test
    void theDeliveredCounterExistsBeforeTheFirstDelivery() {
        assertThat(meters.find(NotificationDispatcher.DELIVERED_METRIC).tag("channel", "inbox").counter()).isNotNull();
    }

    private double delivered() {
        return meters.get(NotificationDispatcher.DELIVERED_METRIC).tag("channel", "inbox").counter().count();
    }
}
