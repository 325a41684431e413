package io.sitework.notification.email;

import org.springframework.mail.MailException;

/** How a rendered e-mail leaves the service: over SMTP, or into the log where no SMTP server is configured. */
public interface MailTransport {

    /** Returns once the e-mail is accepted; the e-mail is not sent if it throws. */
    void send(RenderedEmail email) throws MailException;
}
