package io.sitework.notification.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's timers (delivery workers, escalations, digests) run on Spring's scheduler. Tests that
 * drive those timers by hand with a {@code MutableClock} set {@code sitework.notification.scheduling.enabled=false}
 * and call the workers' tick methods themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "sitework.notification.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingConfig {
}
