package io.sitework.notification.email;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns outbox documents into e-mails from the templates under {@code templates/email/}: a text and an
 * HTML body of each, the HTML escaping everything that comes from users (titles, bodies, names).
 * Thymeleaf runs standalone here: templates are plain classpath resources, not Spring MVC views.
 */
@Component
public class EmailRenderer {

    static final String SINGLE = "notification";
    static final String DIGEST = "digest";
    static final String EVENT_ID_HEADER = "X-Sitework-Event-Id";
    static final String DIGEST_ID_HEADER = "X-Sitework-Digest-Id";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final int MAX_SUBJECT = 200;

    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final String portalUrl;

    public EmailRenderer(@Value("${sitework.notification.portal-url:http://localhost:8080}") String portalUrl) {
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    public RenderedEmail single(OutboxMessage message) {
        ZoneId zone = ZoneId.of(message.zone());
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("greeting", greeting(message.recipientName()));
        context.setVariable("item", item(message, zone));
        context.setVariable("portalUrl", portalUrl);
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.eventId() != null) {
            headers.put(EVENT_ID_HEADER, message.eventId());
        }
        return new RenderedEmail(message.id(), message.toAddress(), message.recipientName(), subject(message.title()),
                text.process(SINGLE, context), html.process(SINGLE, context), headers);
    }

    public RenderedEmail digest(OutboxMessage digest, List<OutboxMessage> items) {
        ZoneId zone = ZoneId.of(digest.zone());
        String day = LocalDate.parse(digest.digestDate()).format(DAY);
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("greeting", greeting(digest.recipientName()));
        context.setVariable("day", day);
        context.setVariable("items", items.stream().map(item -> item(item, zone)).toList());
        context.setVariable("portalUrl", portalUrl);
        String subject = subject("Your Sitework digest for " + day + ": " + items.size()
                + (items.size() == 1 ? " notification" : " notifications"));
        return new RenderedEmail(digest.id(), digest.toAddress(), digest.recipientName(), subject,
                text.process(DIGEST, context), html.process(DIGEST, context), Map.of(DIGEST_ID_HEADER, digest.id()));
    }

    /** What the templates show of one notification (a map: the templates' expressions read map keys plainly). */
    private Map<String, String> item(OutboxMessage message, ZoneId zone) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("title", message.title());
        item.put("body", message.body() == null ? "" : message.body().strip());
        item.put("link", link(message.link()));
        item.put("when", when(message.occurredAt(), zone));
        item.put("siteId", message.siteId() == null ? "" : message.siteId());
        return item;
    }

    /** Always a page of the portal: a relative path is put under it, anything else is the portal's start page. */
    String link(String link) {
        if (link == null || link.isBlank()) {
            return portalUrl + "/";
        }
        if (link.startsWith(portalUrl + "/")) {
            return link;
        }
        if (link.startsWith("/") && !link.startsWith("//")) {
            return portalUrl + link;
        }
        return portalUrl + "/";
    }

    private static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : instant.atZone(zone).format(WHEN);
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
    }

    /** One line, not too long: a header must not carry line breaks. */
    static String subject(String title) {
        String line = title.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 1) + "…" : line;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
