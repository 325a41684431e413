package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxCounts;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxSlice;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.SiteworkAuthentication;
import io.sitework.support.security.SiteworkUser;
import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The controller on its own; the caller is whoever the security context says, as it is after the token filter. */
class NotificationControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private final InboxStore inbox = mock(InboxStore.class);
    private final LiveInbox live = mock(LiveInbox.class);
    private final NotificationController controller = new NotificationController(inbox, live, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void signInAsBruno() {
        signIn("u-bruno");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void listsOnePageOfTheCallersInboxWithTheTotal() {
        InboxEntry entry = entry(null);
        when(inbox.findFor("u-bruno", true, 2, 10)).thenReturn(new InboxSlice(List.of(entry), 21));

        Paging.Page<NotificationView> page = controller.list(true, 2, 10);

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.size()).isEqualTo(10);
        assertThat(page.total()).isEqualTo(21);
        assertThat(page.items()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(entry.id());
            assertThat(view.read()).isFalse();
        });
    }

    @Test
    void theInboxListedIsTheTokenSubjects() {
        when(inbox.findFor(anyString(), anyBoolean(), anyInt(), anyInt())).thenReturn(new InboxSlice(List.of(), 0));
        signIn("u-anna");

        controller.list(false, 0, 50);

        verify(inbox).findFor("u-anna", false, 0, 50);
    }

    @Test
    void refusesPagingOutOfBoundsWithoutQueryingTheStore() {
        assertBadRequest(() -> controller.list(false, -1, 50), "page");
        assertBadRequest(() -> controller.list(false, 0, 201), "size");
        assertBadRequest(() -> controller.list(false, 0, 0), "size");
        verifyNoInteractions(inbox);
    }

    @Test
    void acceptsTheLargestPage() {
        when(inbox.findFor(anyString(), anyBoolean(), anyInt(), anyInt())).thenReturn(new InboxSlice(List.of(), 0));

        assertThat(controller.list(false, 0, 200).size()).isEqualTo(200);
    }

    @Test
    void markingReadUsesTheClockAndTheCallerAndAnswersTheEntry() {
        when(inbox.markRead("n-1", "u-bruno", NOW)).thenReturn(Optional.of(entry(NOW)));

        NotificationView view = controller.markRead("n-1");

        verify(inbox).markRead("n-1", "u-bruno", NOW);
        assertThat(view.read()).isTrue();
        assertThat(view.readAt()).isEqualTo(NOW);
    }

    @Test
    void markingAnUnknownEntryIsNotFound() {
        when(inbox.markRead(any(), any(), any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> controller.markRead("nope")).isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void markingAnotherUsersEntryIsNotFound() {
        // the store finds no entry n-1 of anna's (it is bruno's), so for anna it does not exist
        when(inbox.markRead("n-1", "u-bruno", NOW)).thenReturn(Optional.of(entry(NOW)));
        when(inbox.markRead("n-1", "u-anna", NOW)).thenReturn(Optional.empty());
        signIn("u-anna");

        assertThatThrownBy(() -> controller.markRead("n-1")).isInstanceOf(NotFoundException.class);
        verify(inbox).markRead("n-1", "u-anna", NOW);
    }

    @Test
    void markingReadTellsTheCallersStreamsTheNewCounts() {
        when(inbox.markRead("n-1", "u-bruno", NOW)).thenReturn(Optional.of(entry(NOW)));

        controller.markRead("n-1");

        verify(live).countsChanged("u-bruno");
    }

    @Test
    void countsAreTheCallers() {
        when(inbox.countsFor("u-anna")).thenReturn(new InboxCounts(2, 5));
        signIn("u-anna");

        assertThat(controller.counts()).isEqualTo(new InboxCounts(2, 5));
    }

    @Test
    void markingAllReadMarksTheCallersEntriesAtTheClocksTimeAndSaysHowMany() {
        when(inbox.markAllRead("u-bruno", NOW)).thenReturn(3L);

        assertThat(controller.markAllRead().marked()).isEqualTo(3);
        verify(live).countsChanged("u-bruno");
    }

    @Test
    void markingAllReadWhenNothingIsUnreadChangesNoCounts() {
        when(inbox.markAllRead("u-bruno", NOW)).thenReturn(0L);

        assertThat(controller.markAllRead().marked()).isZero();
        verify(live, never()).countsChanged(any());
    }

    @Test
    void withoutAnAuthenticatedUserNothingIsServed() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> controller.list(false, 0, 50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> controller.markRead("n-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(controller::counts).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(controller::markAllRead).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(inbox, live);
    }

    private static void signIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("token-of-" + subject)
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(1800))
                .build();
        SiteworkUser user = new SiteworkUser(subject, subject, Map.of(), false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SiteworkAuthentication(jwt, user));
        SecurityContextHolder.setContext(context);
    }

    private static void assertBadRequest(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly(field));
    }

    private static InboxEntry entry(Instant readAt) {
        return new InboxEntry("n-1", "u-bruno", "s-1", "e-1", "io.sitework.work.requested.v1", "w-1", "New work assigned to you: x", "",
                null, Instant.parse("2026-11-25T07:30:00Z"), Instant.parse("2026-11-25T07:30:01Z"), readAt);
    }
}
