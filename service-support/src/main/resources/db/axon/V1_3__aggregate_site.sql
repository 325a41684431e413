-- The site of every aggregate, recorded when its first event (sequence 0) is stored, in the same
-- transaction: site-wide audit questions (the feed of a site, its state as of an instant, an export)
-- find a site's aggregates here instead of reading every first event. An aggregate never changes site.
CREATE TABLE aggregate_site (
    aggregateidentifier VARCHAR(255) NOT NULL PRIMARY KEY,
    aggregatetype       VARCHAR(255),
    site_id             VARCHAR(255) NOT NULL,
    first_globalindex   BIGINT       NOT NULL
);
CREATE INDEX aggregate_site_site ON aggregate_site (site_id, aggregatetype);

CREATE OR REPLACE FUNCTION sitework_record_aggregate_site() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    site VARCHAR(255);
BEGIN
    BEGIN
        site := convert_from(NEW.payload, 'UTF8')::jsonb ->> 'siteId';
    EXCEPTION WHEN OTHERS THEN
        -- not JSON, or not UTF-8: an aggregate without a site; storing the event must never fail here
        site := NULL;
    END;
    IF site IS NOT NULL THEN
        INSERT INTO aggregate_site (aggregateidentifier, aggregatetype, site_id, first_globalindex)
        VALUES (NEW.aggregateidentifier, NEW.type, site, NEW.globalindex)
        ON CONFLICT (aggregateidentifier) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_aggregate_site
    AFTER INSERT ON domainevententry
    FOR EACH ROW WHEN (NEW.sequencenumber = 0)
    EXECUTE FUNCTION sitework_record_aggregate_site();

-- events stored before this migration (the services' own first events are JSON objects)
INSERT INTO aggregate_site (aggregateidentifier, aggregatetype, site_id, first_globalindex)
SELECT aggregateidentifier, type, site, globalindex
FROM (SELECT aggregateidentifier, type, globalindex, convert_from(payload, 'UTF8')::jsonb ->> 'siteId' AS site
      FROM domainevententry
      WHERE sequencenumber = 0 AND get_byte(payload, 0) = 123) first_events
WHERE site IS NOT NULL
ON CONFLICT (aggregateidentifier) DO NOTHING;

GRANT SELECT, INSERT ON aggregate_site TO "${appUser}";
