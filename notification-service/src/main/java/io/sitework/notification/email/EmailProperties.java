package io.sitework.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sitework.notification.email.*}: how e-mail leaves the service.
 *
 * @param mode         {@code smtp} or {@code log}; unset: smtp when {@code spring.mail.host} is set, else log
 * @param from         the From of every e-mail
 * @param pollInterval the pause between two runs of the sender (and of the digest scheduler)
 * @param lease        how long a claimed message is the claimer's; after that another instance may send it
 *                     (keep it well above the SMTP timeouts)
 * @param batchSize    the most messages one run of the sender handles
 * @param retry        what happens when the SMTP server refuses or cannot be reached
 */
@ConfigurationProperties("sitework.notification.email")
public record EmailProperties(
        Mode mode,
        @DefaultValue("Sitework <sitework@localhost>") String from,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue Retry retry) {

    public enum Mode { SMTP, LOG }

    /**
     * The pause after the n-th failed attempt is {@code initialBackoff * 2^(n-1)}, at most {@code maxBackoff};
     * after {@code maxAttempts} attempts the message is FAILED. The defaults (10 s doubling to 15 min, 100
     * attempts) keep trying for about a day.
     */
    public record Retry(@DefaultValue("PT10S") Duration initialBackoff,
                        @DefaultValue("PT15M") Duration maxBackoff,
                        @DefaultValue("100") int maxAttempts) {

        public Duration backoffAfter(int failedAttempts) {
            Duration pause = initialBackoff;
            for (int i = 1; i < failedAttempts && pause.compareTo(maxBackoff) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
        }
    }
}
