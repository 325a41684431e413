package io.sitework.notification.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.sitework.support.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * Every authenticated request tells the {@link Directory} who the caller is and which roles they hold
 * where. A failure to record it never fails the request: the next request tries again.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryLearning implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLearning.class);

    private final Directory directory;
    private final Clock clock;

    public DirectoryLearning(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                CurrentUser.find().ifPresent(user -> {
                    try {
                        directory.learn(user, clock.instant());
                    } catch (RuntimeException e) {
                        log.warn("Could not record {} in the directory: {}", user.subject(), e.toString());
                    }
                });
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
