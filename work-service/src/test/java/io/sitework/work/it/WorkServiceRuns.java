package io.sitework.work.it;

import io.sitework.support.test.ServiceRuns;
import io.sitework.work.WorkServiceApplication;

/** work-service started, stopped and started again on the same databases (see {@link ServiceRuns}). */
final class WorkServiceRuns extends ServiceRuns {

    WorkServiceRuns(String name) {
        super(WorkServiceApplication.class, name);
    }
}
