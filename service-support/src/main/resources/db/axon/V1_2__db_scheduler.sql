-- db-scheduler's table (PostgreSQL schema of db-scheduler >= 14, with the priority column), where
-- Axon's DbSchedulerDeadlineManager keeps the deadlines of aggregates (overdue work, schedule
-- occurrences): a deadline survives a restart and fires once, on whichever instance picks it.
-- Services without db-scheduler on their classpath simply leave it empty.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- the default privileges of V1_1 already cover it; say so explicitly, as for the event store's tables
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO "${appUser}";
