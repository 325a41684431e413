package io.sitework.context.config;

import io.sitework.support.axon.DeadlineSupport;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Permit expiry and contractor qualification lapse deadlines: persistent, acting as the system. */
@Configuration(proxyBeanMethods = false)
@Import(DeadlineSupport.class)
public class DeadlineConfig {
}
