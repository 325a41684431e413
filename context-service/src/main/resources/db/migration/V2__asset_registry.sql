-- Set validation for assets (tags unique per site, parents on the same site), written in the same
-- transaction as the events that register them.
CREATE TABLE asset_registry (
    asset_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    site_id  VARCHAR(64)  NOT NULL,
    tag_key  VARCHAR(64)  NOT NULL,
    CONSTRAINT asset_registry_site_tag UNIQUE (site_id, tag_key)
);
