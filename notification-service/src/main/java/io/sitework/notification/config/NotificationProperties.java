package io.sitework.notification.config;

import io.sitework.support.kafka.consumer.ConsumerFailureHandling;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sitework.notification.*}: how the consumed topics are declared and how failed records are retried.
 *
 * @param topics partitions and replicas of the consumed topics and their dead-letter topics, used when
 *               they do not exist yet (an existing topic keeps its layout)
 * @param retry  retries before a record is dead-lettered
 * @param escalation due-soon reminders and escalations
 * @param timers how timers are polled and claimed
 */
@ConfigurationProperties("sitework.notification")
public record NotificationProperties(@DefaultValue Topics topics, @DefaultValue Retry retry, @DefaultValue Escalation escalation,
                                     @DefaultValue Timers timers) {

    /**
     * When this service's timers fire.
     *
     * @param dueSoonBefore how long before its due instant work is "due soon" (no reminder if the work is created later than that)
     * @param overdueAfter  how long work may stay overdue before the site's supervisors are told
     * @param blockedAfter  how long a blocker may stay open before the owner and supervisors are told
     */
    public record Escalation(@DefaultValue("PT24H") Duration dueSoonBefore,
                             @DefaultValue("PT4H") Duration overdueAfter,
                             @DefaultValue("PT24H") Duration blockedAfter) {
    }

    /**
     * @param pollInterval how often each instance looks for due timers
     * @param lease        how long a claimed timer is reserved for the instance firing it; after that another may
     */
    public record Timers(@DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT1M") Duration lease) {
    }

    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }

    /**
     * @param attempts                 retries after the first failure of a record whose failure is not transient
     * @param interval                 the pause between those retries
     * @param transientInitialInterval the first pause after a transient failure (the store is unreachable)
     * @param transientMaxInterval     the longest pause between retries of a transient failure; such a record
     *                                 is retried until it succeeds, never dead-lettered
     */
    public record Retry(@DefaultValue("2") int attempts,
                        @DefaultValue("PT1S") Duration interval,
                        @DefaultValue("PT1S") Duration transientInitialInterval,
                        @DefaultValue("PT30S") Duration transientMaxInterval) {

        public ConsumerFailureHandling.Retry toConsumerRetry() {
            return new ConsumerFailureHandling.Retry(attempts, interval, transientInitialInterval, transientMaxInterval);
        }
    }
}
