package io.sitework.context.permit.process;

import io.sitework.context.permit.api.WorkStatus;
import io.sitework.events.EventCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkStatusTransitionsTest {

    @Test
    void eachLifecycleEventOfWorkGivesTheStatusAfterIt() {
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.requested.v1")).contains(WorkStatus.REQUESTED);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.planned.v1")).contains(WorkStatus.PLANNED);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.started.v1")).contains(WorkStatus.IN_PROGRESS);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.put_on_hold.v1")).contains(WorkStatus.ON_HOLD);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.resumed.v1")).contains(WorkStatus.IN_PROGRESS);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.completed.v1")).contains(WorkStatus.DONE);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.closed.v1")).contains(WorkStatus.CLOSED);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.reopened.v1")).contains(WorkStatus.IN_PROGRESS);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.rejected.v1")).contains(WorkStatus.REJECTED);
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.cancelled.v1")).contains(WorkStatus.CANCELLED);
    }

    @Test
    void otherWorkEventsChangeNoStatus() {
        assertThat(WorkStatusTransitions.statusAfter(EventCatalog.WORK_ASSIGNED.type())).isEmpty();
        assertThat(WorkStatusTransitions.statusAfter(EventCatalog.WORK_BLOCKER_RAISED.type())).isEmpty();
        assertThat(WorkStatusTransitions.statusAfter("io.sitework.work.something_new.v2")).isEmpty();
    }
}
