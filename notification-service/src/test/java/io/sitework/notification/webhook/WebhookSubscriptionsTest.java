package io.sitework.notification.webhook;

import io.sitework.support.domain.NotFoundException;
import io.sitework.support.security.ForbiddenException;
import io.sitework.support.security.Role;
import io.sitework.support.security.SiteworkUser;
import io.sitework.support.web.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Validation and who may manage which subscription, with the stores mocked. */
class WebhookSubscriptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String NORTH = "site-north";
    private static final String SOUTH = "site-south";
    private static final String URL = "https://erp.example.com/hooks";

    private final WebhookSubscriptionStore store = mock(WebhookSubscriptionStore.class);
    private final WebhookDeliveryStore deliveries = mock(WebhookDeliveryStore.class);
    private final WebhookSubscriptions webhooks = new WebhookSubscriptions(store, deliveries, new TargetPolicy(true), Clock.fixed(NOW, ZoneOffset.UTC));

    private static SiteworkUser user(String subject, Map<String, Set<Role>> sites) {
        return new SiteworkUser(subject, subject, sites, false);
    }

    private static final SiteworkUser SAM = user("sam", Map.of(NORTH, Set.of(Role.SITE_ADMIN)));
    private static final SiteworkUser SAM_BOTH = user("sam2", Map.of(NORTH, Set.of(Role.SITE_ADMIN), SOUTH, Set.of(Role.SITE_ADMIN)));
    private static final SiteworkUser BRUNO = user("bruno", Map.of(NORTH, Set.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.PLANNER)));
    private static final SiteworkUser TOM = user("tom", Map.of(SOUTH, Set.of(Role.SITE_ADMIN)));
    private static final SiteworkUser OLGA = new SiteworkUser("olga", "olga", Map.of(), true);

    private static WebhookSubscriptions.Request request(List<String> types, List<String> sites) {
        return new WebhookSubscriptions.Request(URL, types, sites, "ERP");
    }

    private static WebhookSubscription stored(String id, String... sites) {
        return new WebhookSubscription(id, URL, List.of("io.sitework.permit.*"), Arrays.asList(sites), null, WebhookStatus.ENABLED,
                "whsec_x", NOW, "olga", 0, null, null);
    }

    @Test
    void aSiteAdminSubscribesTheirSiteAndGetsASecret() {
        WebhookSubscription created = webhooks.subscribe(request(List.of("io.sitework.permit.*", "io.sitework.work.requested.v1"), List.of(NORTH)), SAM);

        assertThat(created.secret()).startsWith("whsec_");
        assertThat(created.status()).isEqualTo(WebhookStatus.ENABLED);
        assertThat(created.createdBy()).isEqualTo("sam");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.siteIds()).containsExactly(NORTH);
        verify(store).insert(created);
    }

    @Test
    void duplicatesAreDroppedAndWhitespaceTrimmed() {
        WebhookSubscription created = webhooks.subscribe(new WebhookSubscriptions.Request(" " + URL + " ",
                List.of("io.sitework.permit.*", " io.sitework.permit.* "), List.of(NORTH, NORTH), "  "), SAM);

        assertThat(created.url()).isEqualTo(URL);
        assertThat(created.eventTypes()).containsExactly("io.sitework.permit.*");
        assertThat(created.siteIds()).containsExactly(NORTH);
        assertThat(created.description()).isNull();
    }

    @Test
    void badInputNamesEveryBadFieldAndStoresNothing() {
        assertThatThrownBy(() -> webhooks.subscribe(new WebhookSubscriptions.Request("ftp://x", List.of("io.sitework.work.requested.v1",
                "nope.*"), null, "d".repeat(501)), OLGA))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field)
                        .containsExactly("url", "eventTypes[1]", "siteIds", "description"));
        assertBadRequest(request(List.of(), List.of(NORTH)), "eventTypes");
        assertBadRequest(request(null, List.of(NORTH)), "eventTypes");
        assertBadRequest(request(List.of("io.sitework.work.requested.v1"), Arrays.asList(NORTH, null)), "siteIds");
        assertBadRequest(new WebhookSubscriptions.Request(null, List.of("io.sitework.work.requested.v1"), List.of(NORTH), null), "url");
        verify(store, never()).insert(any());
    }

    @Test
    void everySiteNeedsWebhookManageAndEverySiteMeansAnOrgAdmin() {
        List<String> types = List.of("io.sitework.permit.*");
        assertThatThrownBy(() -> webhooks.subscribe(request(types, List.of(NORTH)), BRUNO)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.subscribe(request(types, List.of(NORTH, SOUTH)), SAM)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining(SOUTH);
        assertThatThrownBy(() -> webhooks.subscribe(request(types, List.of()), SAM_BOTH)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("organisation administrator");
        verify(store, never()).insert(any());

        assertThat(webhooks.subscribe(request(types, List.of(NORTH, SOUTH)), SAM_BOTH).siteIds()).containsExactly(NORTH, SOUTH);
        assertThat(webhooks.subscribe(request(types, List.of()), OLGA).allSites()).isTrue();
    }

    @Test
    void readingNeedsWebhookManageOnEverySiteAndStrangersAreToldItDoesNotExist() {
        when(store.findById("w-north")).thenReturn(Optional.of(stored("w-north", NORTH)));
        when(store.findById("w-both")).thenReturn(Optional.of(stored("w-both", NORTH, SOUTH)));
        when(store.findById("w-all")).thenReturn(Optional.of(stored("w-all")));

        assertThat(webhooks.get("w-north", SAM).id()).isEqualTo("w-north");
        assertThat(webhooks.get("w-all", OLGA).id()).isEqualTo("w-all");
        assertThatThrownBy(() -> webhooks.get("w-north", BRUNO)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.get("w-both", SAM)).as("south is not sam's").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.get("w-north", TOM)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.get("w-all", SAM_BOTH)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> webhooks.get("w-unknown", OLGA)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void commandsByStrangersAreForbiddenAndChangeNothing() {
        when(store.findById("w-north")).thenReturn(Optional.of(stored("w-north", NORTH)));

        assertThatThrownBy(() -> webhooks.delete("w-north", TOM)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.delete("w-north", BRUNO)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.enable("w-north", TOM)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.redeliver("w-north", "d-1", TOM)).isInstanceOf(ForbiddenException.class);
        verify(store, never()).delete(any());
        verify(store, never()).enable(any());
        verify(deliveries, never()).deleteAllOf(any());

        webhooks.delete("w-north", SAM);
        verify(store).delete("w-north");
        verify(deliveries).deleteAllOf("w-north");
    }

    @Test
    void theListHoldsWhatTheCallerManages() {
        when(store.findAll()).thenReturn(List.of(stored("w-north", NORTH), stored("w-both", NORTH, SOUTH), stored("w-south", SOUTH),
                stored("w-all")));

        assertThat(webhooks.list(SAM, null)).extracting(WebhookSubscription::id).containsExactly("w-north");
        assertThat(webhooks.list(SAM_BOTH, null)).extracting(WebhookSubscription::id).containsExactly("w-north", "w-both", "w-south");
        assertThat(webhooks.list(SAM_BOTH, SOUTH)).extracting(WebhookSubscription::id).containsExactly("w-both", "w-south");
        assertThat(webhooks.list(OLGA, NORTH)).extracting(WebhookSubscription::id).containsExactly("w-north", "w-both", "w-all");
        assertThat(webhooks.list(BRUNO, null)).isEmpty();
        assertThatThrownBy(() -> webhooks.list(BRUNO, NORTH)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> webhooks.list(SAM, SOUTH)).isInstanceOf(ForbiddenException.class);
    }

    private void assertBadRequest(WebhookSubscriptions.Request request, String field) {
        assertThatThrownBy(() -> webhooks.subscribe(request, OLGA))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field)
                        .containsExactly(field));
    }
}
