-- Tamper evidence: every stored event carries the SHA-256 of its predecessor's hash and its own
-- content, set by the database when the event is stored (whoever writes it), so a changed, removed
-- or reordered event breaks the chain of its aggregate. ChainVerifier recomputes the same hashes.
--   previoushash = hash of the same aggregate's event at sequencenumber - 1 (32 zero bytes at 0)
--   hash         = sha256(previoushash || sitework_event_canonical(row))
-- Canonical bytes: the stored columns, in this order, each as one field —
--   aggregateidentifier, sequencenumber, type, eventidentifier, timestamp, payloadtype,
--   payloadrevision, metadata, payload
-- a field is 0x00 for NULL, else 0x01, its length as 8 bytes big-endian, then its bytes (text as
-- UTF-8, sequencenumber as 8 bytes big-endian): no two rows give the same bytes by concatenation.
ALTER TABLE domainevententry ADD COLUMN previoushash BYTEA;
ALTER TABLE domainevententry ADD COLUMN hash BYTEA;

CREATE OR REPLACE FUNCTION sitework_hash_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN value IS NULL THEN '\x00'::bytea ELSE '\x01'::bytea || int8send(length(value)::bigint) || value END
$$;

CREATE OR REPLACE FUNCTION sitework_event_canonical(aggregateidentifier VARCHAR, sequencenumber BIGINT, type VARCHAR,
                                                    eventidentifier VARCHAR, "timestamp" VARCHAR, payloadtype VARCHAR,
                                                    payloadrevision VARCHAR, metadata BYTEA, payload BYTEA) RETURNS BYTEA
    LANGUAGE sql STABLE AS
$$
SELECT sitework_hash_field(convert_to(aggregateidentifier, 'UTF8'))
           || sitework_hash_field(int8send(sequencenumber))
           || sitework_hash_field(convert_to(type, 'UTF8'))
           || sitework_hash_field(convert_to(eventidentifier, 'UTF8'))
           || sitework_hash_field(convert_to("timestamp", 'UTF8'))
           || sitework_hash_field(convert_to(payloadtype, 'UTF8'))
           || sitework_hash_field(convert_to(payloadrevision, 'UTF8'))
           || sitework_hash_field(metadata)
           || sitework_hash_field(payload)
$$;

-- the hash of one stored row given its predecessor's hash: what the trigger stores and the verifier recomputes
CREATE OR REPLACE FUNCTION sitework_event_hash(previoushash BYTEA, e domainevententry) RETURNS BYTEA
    LANGUAGE sql STABLE AS
$$
SELECT sha256(previoushash || sitework_event_canonical(e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier,
                                                       e.timestamp, e.payloadtype, e.payloadrevision, e.metadata, e.payload))
$$;

CREATE OR REPLACE FUNCTION sitework_chain_event() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequencenumber = 0 THEN
        previous := decode(repeat('00', 32), 'hex');
    ELSE
        SELECT hash INTO previous FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of aggregate % has no stored predecessor with a hash', NEW.sequencenumber, NEW.aggregateidentifier
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    -- whatever the writer sent for the hashes is replaced: only the database sets them
    NEW.previoushash := previous;
    NEW.hash := sitework_event_hash(previous, NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_hash_chain
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION sitework_chain_event();

-- events stored before this migration, aggregate by aggregate in sequence order; an aggregate with a
-- gap keeps no hash from the gap on (the verifier reports it), since its chain cannot be vouched for
ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_immutable;
DO
$$
DECLARE
    e            domainevententry;
    aggregate    VARCHAR(255) := NULL;
    expected     BIGINT       := 0;
    previous     BYTEA;
BEGIN
    FOR e IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF aggregate IS DISTINCT FROM e.aggregateidentifier THEN
            aggregate := e.aggregateidentifier;
            expected := 0;
            previous := decode(repeat('00', 32), 'hex');
        END IF;
        IF previous IS NULL OR e.sequencenumber <> expected THEN
            previous := NULL;
        ELSE
            UPDATE domainevententry
            SET previoushash = previous, hash = sitework_event_hash(previous, e)
            WHERE globalindex = e.globalindex
            RETURNING hash INTO previous;
        END IF;
        expected := e.sequencenumber + 1;
    END LOOP;
END
$$;
ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_immutable;
