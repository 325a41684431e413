package io.sitework.support.axon;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Import in a service that uses deadlines. Deadlines are persistent (Axon's DbSchedulerDeadlineManager, auto-configured because the
 * db-scheduler starter provides a {@code Scheduler}; see application.yml). Events applied when a
 * deadline fires are the system's doing, not the person whose command scheduled it: their actor is
 * {@code system:<deadline name>} (e.g. {@code system:work-overdue}; a name may be qualified after a {@code /} to keep one
 * deadline per item of an aggregate, e.g. {@code qualification-lapse/HOT_WORK}, and the actor is its kind,
 * {@code system:qualification-lapse}), and they keep the correlation id
 * of the command that set the deadline, so the chain from cause to effect stays visible.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineSupport {

    @Autowired
    void configureDeadlines(DeadlineManager deadlines, List<CorrelationDataProvider> correlationDataProviders) {
        deadlines.registerHandlerInterceptor(new SystemActor());
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
    }

    /** Marks a firing deadline as acting for the system. */
    static final class SystemActor implements MessageHandlerInterceptor<DeadlineMessage<?>> {

        /** The deadline's name without the qualifier after a {@code /}. */
        static String kind(String deadlineName) {
            int slash = deadlineName.indexOf('/');
            return slash < 0 ? deadlineName : deadlineName.substring(0, slash);
        }

        @Override
        public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            transform(unitOfWork);
            return chain.proceed();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void transform(UnitOfWork unitOfWork) {
            unitOfWork.transformMessage(message -> {
                DeadlineMessage<?> deadline = (DeadlineMessage<?>) message;
                return deadline.andMetaData(Map.of(CommandMetadata.ACTOR, "system:" + kind(deadline.getDeadlineName())));
            });
        }
    }
}
