package io.sitework.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * Chooses how e-mail leaves the service and says so at startup: {@code smtp} when
 * {@code sitework.notification.email.mode=smtp}, or when the mode is unset and {@code spring.mail.host} is set
 * (Boot then configures the {@link JavaMailSender}); otherwise {@code log}. Asking for smtp without a host
 * stops the service at startup instead of losing mail later.
 */
@Configuration(proxyBeanMethods = false)
public class EmailConfig {

    private static final Logger log = LoggerFactory.getLogger(EmailConfig.class);

    @Bean
    public MailTransport mailTransport(EmailProperties properties, ObjectProvider<JavaMailSender> mailSender, Environment environment,
                                       Clock clock) {
        String host = environment.getProperty("spring.mail.host");
        boolean hostSet = host != null && !host.isBlank();
        EmailProperties.Mode mode = properties.mode() != null ? properties.mode()
                : hostSet ? EmailProperties.Mode.SMTP : EmailProperties.Mode.LOG;
        if (mode == EmailProperties.Mode.SMTP) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (!hostSet || sender == null) {
                throw new IllegalStateException("sitework.notification.email.mode=smtp needs an SMTP server: set spring.mail.host "
                        + "(SPRING_MAIL_HOST) and spring.mail.port, or choose mode log");
            }
            log.info("E-mail: mode smtp, sending through {}:{} as {}", host, environment.getProperty("spring.mail.port", "25"),
                    properties.from());
            return new SmtpMailTransport(sender, properties.from(), clock);
        }
        log.warn("E-mail: mode log ({}): e-mails are rendered and written to this log, NOT sent. Set spring.mail.host "
                + "(SPRING_MAIL_HOST) to send them.", properties.mode() != null ? "chosen by sitework.notification.email.mode"
                : "no SMTP server configured");
        return new LogMailTransport();
    }
}
