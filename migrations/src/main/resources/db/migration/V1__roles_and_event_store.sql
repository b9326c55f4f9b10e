-- Runtime roles. Flyway runs as the owning role; the service runs as these two, which own nothing,
-- are not superusers and cannot bypass row-level security.
--   custos_app     the write path: Axon's event store and token store, and the projections.
--   custos_reader  the read path: R2DBC reads, always inside a transaction that sets app.tenant_id.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custos_app') THEN
        CREATE ROLE custos_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custos_reader') THEN
        CREATE ROLE custos_reader LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO custos_app, custos_reader', current_database());
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO custos_app, custos_reader;

-- Axon's event store (JdbcEventStorageEngine, PostgreSQL dialect). This table is the audit log of record.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The event store is append-only for everyone, the owner included. Privileges keep the runtime role to
-- SELECT and INSERT; the triggers stop even the owner, and ENABLE ALWAYS keeps them firing under
-- session_replication_role = replica, the usual way to slip past triggers.
CREATE FUNCTION custos_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_refuse_update_delete
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION custos_refuse_change();
CREATE TRIGGER domain_event_entry_refuse_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION custos_refuse_change();
ALTER TABLE domain_event_entry ENABLE ALWAYS TRIGGER domain_event_entry_refuse_update_delete;
ALTER TABLE domain_event_entry ENABLE ALWAYS TRIGGER domain_event_entry_refuse_truncate;

GRANT SELECT, INSERT ON domain_event_entry TO custos_app;
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO custos_app;
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO custos_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON token_entry TO custos_app;
