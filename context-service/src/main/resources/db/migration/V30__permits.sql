-- Context-service's own view of work: the last status it learnt of each work item from
-- sitework.work.v1, with the sequence of the event that set it (older or repeated records change nothing).
CREATE TABLE work_status (
    work_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    site_id  VARCHAR(64) NOT NULL,
    status   VARCHAR(20) NOT NULL,
    sequence BIGINT      NOT NULL
);

-- Which permits cover which work: written in the same transaction as the permit's request, so a
-- status update always finds every permit it concerns.
CREATE TABLE permit_work (
    permit_id VARCHAR(64) NOT NULL,
    work_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (permit_id, work_id)
);

CREATE INDEX permit_work_by_work ON permit_work (work_id);
