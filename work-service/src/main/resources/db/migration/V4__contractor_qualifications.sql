-- work-service's own view of contractors, fed from sitework.context.v1: which qualification of
-- which contractor holds, and which lapsed (with the lapse event, so the blockers it causes have
-- stable ids). Written in the same transaction as the Kafka offset's effects.
CREATE TABLE contractor_qualification (
    contractor_id  VARCHAR(64)  NOT NULL,
    qualification  VARCHAR(64)  NOT NULL,
    site_id        VARCHAR(64)  NOT NULL,
    valid_until    TIMESTAMPTZ,
    lapsed         BOOLEAN      NOT NULL DEFAULT FALSE,
    lapse_event_id VARCHAR(64),
    PRIMARY KEY (contractor_id, qualification)
);

CREATE TABLE known_contractor (
    contractor_id VARCHAR(64) NOT NULL PRIMARY KEY,
    site_id       VARCHAR(64) NOT NULL
);

-- Open work done by a contractor and the qualifications it needs (its required permit types but
-- GENERAL), kept by the contractor-blockers process beside its token.
CREATE TABLE contractor_work (
    work_id        VARCHAR(64)  NOT NULL,
    contractor_id  VARCHAR(64)  NOT NULL,
    qualifications VARCHAR(512) NOT NULL,
    PRIMARY KEY (work_id, contractor_id)
);
CREATE INDEX contractor_work_by_contractor ON contractor_work (contractor_id);

-- What each open work item needs from a contractor, and the contractor named on its request.
CREATE TABLE contractor_work_need (
    work_id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    qualifications          VARCHAR(512) NOT NULL,
    requested_contractor_id VARCHAR(64)
);
