package io.sitework.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRendererTest {

    private static final Instant WHEN = Instant.parse("2026-11-25T07:30:00Z");

    private final EmailRenderer renderer = new EmailRenderer("https://sitework.example.com/");

    @Test
    void userContentIsEscapedInHtmlAndKeptAsWrittenInText() {
        OutboxMessage message = message("d-1", "Pump <b>P-101</b> & \"seal\"", "<script>alert('x')</script>\nsecond line",
                "/work/w-1", "Anna <Planner>");

        RenderedEmail email = renderer.single(message);

        assertThat(email.html())
                .contains("Pump &lt;b&gt;P-101&lt;/b&gt; &amp; &quot;seal&quot;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("Hello Anna &lt;Planner&gt;,")
                .doesNotContain("<script>", "<b>P-101");
        assertThat(email.text())
                .contains("Pump <b>P-101</b> & \"seal\"")
                .contains("<script>alert('x')</script>\nsecond line")
                .contains("Open in Sitework: https://sitework.example.com/work/w-1");
        assertThat(email.subject()).isEqualTo("Pump <b>P-101</b> & \"seal\"");
        assertThat(email.messageId()).isEqualTo("<d-1@sitework>");
        assertThat(email.headers()).containsEntry("X-Sitework-Event-Id", "e-d-1");
    }

    @Test
    void theLinkAlwaysPointsIntoThePortal() {
        assertThat(renderer.single(message("d-1", "t", "", "/work/w-1", null)).html())
                .contains("href=\"https://sitework.example.com/work/w-1\"");
        assertThat(renderer.single(message("d-2", "t", "", "javascript:alert(1)", null)).html())
                .contains("href=\"https://sitework.example.com/\"").doesNotContain("javascript:");
        assertThat(renderer.link("https://evil.example.org/x")).isEqualTo("https://sitework.example.com/");
        assertThat(renderer.link("//evil.example.org/x")).isEqualTo("https://sitework.example.com/");
        assertThat(renderer.link(null)).isEqualTo("https://sitework.example.com/");
        assertThat(renderer.link("https://sitework.example.com/work/w-2")).isEqualTo("https://sitework.example.com/work/w-2");
    }

    @Test
    void aSubjectIsOneLine() {
        assertThat(EmailRenderer.subject("New work\r\nBcc: someone@example.org")).isEqualTo("New work Bcc: someone@example.org");
    }

    @Test
    void theTimeIsShownInTheRecipientsZone() {
        assertThat(renderer.single(message("d-1", "t", "", null, null)).text()).contains("Wed 25 Nov 2026, 08:30 CET");
    }

    @Test
    void aDigestListsEveryItemEscaped() {
        OutboxMessage digest = new OutboxMessage("g-1", OutboxMessage.DIGEST, OutboxMessage.SENDING, null, null, null, "u-anna",
                "anna@example.test", "Anna", null, null, null, null, null, null, null, "Europe/Paris", null, null, null, WHEN, null,
                null, WHEN, "2026-11-25", 1, null, null, WHEN, null);

        RenderedEmail email = renderer.digest(digest, List.of(message("d-1", "First <one>", "body 1", "/work/w-1", "Anna"),
                message("d-2", "Second & last", "", "/work/w-2", "Anna")));

        assertThat(email.subject()).isEqualTo("Your Sitework digest for Wed 25 Nov 2026: 2 notifications");
        assertThat(email.text()).contains("1. First <one>").contains("2. Second & last").contains("https://sitework.example.com/work/w-2");
        assertThat(email.html()).contains("First &lt;one&gt;").contains("Second &amp; last").doesNotContain("<one>");
        assertThat(email.headers()).containsEntry("X-Sitework-Digest-Id", "g-1");
    }

    static OutboxMessage message(String id, String title, String body, String link, String name) {
        return new OutboxMessage(id, OutboxMessage.MESSAGE, OutboxMessage.SENDING, "e-" + id, "io.sitework.work.requested.v1", "s-1",
                "u-anna", "anna@example.test", name, "work", "w-1", title, body, link, WHEN, "c-1", "Europe/Paris", null, null, null,
                WHEN, null, null, null, null, 1, null, null, WHEN, null);
    }
}
