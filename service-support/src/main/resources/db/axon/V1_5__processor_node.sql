-- One row per running instance of the service, renewed every few seconds (SegmentBalancer): how many
-- instances share the event processors' segments, so that each holds its fair share of them.
CREATE TABLE processor_node (
    node_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON processor_node TO "${appUser}";
