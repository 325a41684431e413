package io.sitework.work.schedule.query;

import java.util.Optional;

/** Where the schedule list keeps its documents; MongoDB in production, a map in projection tests. */
public interface ScheduleStore {

    Optional<ScheduleDocument> find(String scheduleId);

    void save(ScheduleDocument document);

    void clear();
}
