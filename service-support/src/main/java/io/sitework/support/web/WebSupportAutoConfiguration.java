package io.sitework.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * Problem details and correlation ids for every servlet-based Sitework service: from the controllers
 * ({@link ProblemDetailsAdvice}), from the container's error page ({@link ProblemErrorController}, in place of
 * Spring Boot's) and from Tomcat itself ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class WebSupportAutoConfiguration {

    @Bean(ProblemErrorController.PATH)
    public ProblemErrorController problemErrorController(ObjectMapper mapper) {
        return new ProblemErrorController(mapper);
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(ProblemErrorReportValve::install);
    }

    @Bean
    public CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    public BodySizeLimitFilter bodySizeLimitFilter(@Value("${sitework.web.max-body-size:1MB}") DataSize maxBodySize, ObjectMapper mapper) {
        return new BodySizeLimitFilter(maxBodySize.toBytes(), mapper);
    }
}
