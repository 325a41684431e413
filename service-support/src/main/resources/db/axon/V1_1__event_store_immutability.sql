-- Stored events are facts: nobody changes or removes them.
-- 1. A trigger refuses UPDATE, DELETE and TRUNCATE of domainevententry whoever asks (superusers
--    included; they must drop or disable the trigger first, which is itself visible).
-- 2. The services run as an application role that may only read and append events; migrations run
--    as the owner role. ${appUser} and ${appPassword} are Flyway placeholders (see application.yml).

CREATE OR REPLACE FUNCTION sitework_refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'stored events are immutable: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domainevententry_immutable
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION sitework_refuse_event_change();

CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION sitework_refuse_event_change();

-- roles are shared by all databases of a server: two services may race to create it
DO
$$
BEGIN
    CREATE ROLE "${appUser}" LOGIN;
EXCEPTION
    WHEN duplicate_object THEN NULL;
    WHEN unique_violation THEN NULL;
END
$$;

DO
$$
BEGIN
    IF '${appPassword}' <> '' THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', '${appUser}', '${appPassword}');
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${appUser}');
END
$$;

GRANT USAGE ON SCHEMA public TO "${appUser}";
GRANT SELECT, INSERT ON domainevententry TO "${appUser}";
REVOKE UPDATE, DELETE, TRUNCATE ON domainevententry FROM "${appUser}";
GRANT USAGE, SELECT ON SEQUENCE domainevententry_globalindex_seq TO "${appUser}";
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshotevententry, tokenentry, deadletterentry, sagaentry, associationvalueentry TO "${appUser}";
GRANT USAGE, SELECT ON SEQUENCE associationvalueentry_id_seq TO "${appUser}";

-- tables of later migrations (read models in PostgreSQL, registries…) are the application's to change
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${appUser}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${appUser}";
