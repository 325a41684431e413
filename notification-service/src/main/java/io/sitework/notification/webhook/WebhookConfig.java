package io.sitework.notification.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook adapters that need configuration: the HTTP client and the target policy. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfig {

    @Bean
    public WebhookSender webhookSender(WebhookProperties properties) {
        return new WebhookSender(properties.connectTimeout(), properties.readTimeout());
    }

    @Bean
    public TargetPolicy webhookTargetPolicy(WebhookProperties properties) {
        return new TargetPolicy(properties.allowPrivateAddresses());
    }
}
