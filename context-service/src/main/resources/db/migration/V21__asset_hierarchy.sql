-- The asset tree in the registry, kept in the same transaction as the asset's events: moves walk the
-- ancestors of the new parent to refuse cycles, and decommissioned assets take no new children.
ALTER TABLE asset_registry ADD COLUMN parent_id VARCHAR(64);
ALTER TABLE asset_registry ADD COLUMN decommissioned BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX asset_registry_parent ON asset_registry (parent_id);

-- assets registered before this migration: their parent is the one they were registered under (no moves existed yet)
UPDATE asset_registry r
SET parent_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'parentId'
FROM domainevententry e
WHERE e.aggregateidentifier = r.asset_id
  AND e.sequencenumber = 0
  AND e.payloadtype LIKE '%AssetRegistered';
