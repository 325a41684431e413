package io.sitework.notification.email;

import java.util.Map;

/**
 * An e-mail ready to go: what a {@link MailTransport} needs, nothing it has to look up.
 *
 * @param id      the outbox id; the Message-ID is {@code <id@sitework>}, the same on every attempt
 * @param headers extra headers, e.g. {@code X-Sitework-Event-Id}
 */
public record RenderedEmail(String id, String toAddress, String toName, String subject, String text, String html,
                            Map<String, String> headers) {

    public RenderedEmail {
        headers = Map.copyOf(headers);
    }

    public String messageId() {
        return "<" + id + "@sitework>";
    }
}
