package io.sitework.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Sends through Spring's {@link JavaMailSender} (Boot configures it from {@code spring.mail.*}) as
 * multipart/alternative: text first, HTML second. The Message-ID is set here and kept by the sender, so every
 * attempt of one message carries the same id and a resend after a crash is recognisable as the same e-mail.
 */
public class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final Clock clock;

    public SmtpMailTransport(JavaMailSender sender, String from, Clock clock) {
        this.sender = sender;
        this.clock = clock;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("sitework.notification.email.from is not an e-mail address: " + from, e);
        }
    }

    @Override
    public void send(RenderedEmail email) {
        sender.send(toMime(email));
    }

    MimeMessage toMime(RenderedEmail email) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            mime.setFrom(from);
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.toAddress(), email.toName(), "UTF-8"));
            mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
            for (var header : email.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            // JavaMailSenderImpl puts a Message-ID that was set before send back after saveChanges()
            mime.setHeader("Message-ID", email.messageId());
            return mime;
        } catch (MessagingException | UnsupportedEncodingException e) {
            // a bad address does not get better by retrying
            throw new MailParseException("Cannot build e-mail " + email.id() + ": " + e.getMessage(), e);
        }
    }
}
