-- Set validation for sites (ids and codes unique across the organisation), written in the same
-- transaction as the events that register them; assets and contractors check here that their site exists.
CREATE TABLE site_registry (
    site_id VARCHAR(64) NOT NULL PRIMARY KEY,
    code    VARCHAR(32) NOT NULL,
    CONSTRAINT site_registry_code UNIQUE (code)
);
