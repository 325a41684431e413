package io.sitework.work.config;

import io.sitework.support.axon.DeadlineSupport;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Work overdue deadlines and schedule occurrences: persistent, acting as the system. */
@Configuration(proxyBeanMethods = false)
@Import(DeadlineSupport.class)
public class DeadlineConfig {
}
