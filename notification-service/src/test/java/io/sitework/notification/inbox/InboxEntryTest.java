package io.sitework.notification.inbox;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxEntryTest {

    @Test
    void idIsTheSameForTheSameEventRecipientAndChannel() {
        String eventId = UUID.randomUUID().toString();

        assertThat(InboxEntry.idFor(eventId, "u-bruno", "inbox")).isEqualTo(InboxEntry.idFor(eventId, "u-bruno", "inbox"));
    }

    @Test
    void idIsAUuid() {
        String id = InboxEntry.idFor("e-1", "u-bruno", "inbox");

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void idDiffersWhenAnyPartDiffers() {
        String base = InboxEntry.idFor("e-1", "u-bruno", "inbox");

        assertThat(InboxEntry.idFor("e-2", "u-bruno", "inbox")).isNotEqualTo(base);
        assertThat(InboxEntry.idFor("e-1", "u-anna", "inbox")).isNotEqualTo(base);
        assertThat(InboxEntry.idFor("e-1", "u-bruno", "email")).isNotEqualTo(base);
    }

    @Test
    void idDoesNotCollideWhenPartsConcatenateToTheSameText() {
        assertThat(InboxEntry.idFor("ab", "c", "inbox")).isNotEqualTo(InboxEntry.idFor("a", "bc", "inbox"));
        assertThat(InboxEntry.idFor("a|1:b", "c", "inbox")).isNotEqualTo(InboxEntry.idFor("a", "b|1:c", "inbox"));
    }
}
