package io.sitework.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes rendered e-mails to the log instead of sending them: the mode without an SMTP server. */
public class LogMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogMailTransport.class);

    @Override
    public void send(RenderedEmail email) {
        log.info("E-mail (mode log, not sent)\nMessage-ID: {}\nTo: {}\nSubject: {}\nHeaders: {}\n\n{}\n(HTML part: {} characters)",
                email.messageId(), email.toAddress(), email.subject(), email.headers(), email.text(), email.html().length());
    }
}
