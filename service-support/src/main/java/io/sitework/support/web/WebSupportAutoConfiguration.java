package io.sitework.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/** Problem details and correlation ids for every servlet-based Sitework service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class WebSupportAutoConfiguration {

    @Bean
    public CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    public BodySizeLimitFilter bodySizeLimitFilter(@Value("${sitework.web.max-body-size:1MB}") DataSize maxBodySize, ObjectMapper mapper) {
        return new BodySizeLimitFilter(maxBodySize.toBytes(), mapper);
    }
}
