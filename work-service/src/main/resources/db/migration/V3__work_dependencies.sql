-- The dependency process's own state, updated in the same transaction as its tracking token:
-- which work waits for which, and the last known status of every work item.
CREATE TABLE work_dependency (
    predecessor_id VARCHAR(64) NOT NULL,
    dependent_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (predecessor_id, dependent_id)
);

CREATE TABLE work_status (
    work_id VARCHAR(64) NOT NULL PRIMARY KEY,
    status  VARCHAR(32) NOT NULL
);
