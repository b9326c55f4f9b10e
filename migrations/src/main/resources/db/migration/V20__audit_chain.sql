-- Issue 11: the verifiable audit. Every event belongs to exactly one tenant's hash chain, which a dedicated follower
-- (dev.custos.api.audit.ChainFollower) extends in the order in which events become final, and whose heads the service
-- signs (audit_checkpoints).

-- Where an event's tenant comes from: every event's payload names it (tenantId). The column is filled by the database
-- on insert, not by the writer, and an event that names no tenant cannot be stored, so no event is left out of every
-- chain. tx_id is the id of the transaction that stored the event: the follower reads only events whose transaction
-- is older than every transaction still running, so an event that commits late can never land behind one already
-- chained (a gap in global_index is filled before the follower passes it, or never).
ALTER TABLE domain_event_entry ADD COLUMN tenant_id uuid, ADD COLUMN tx_id xid8;

-- The events stored before this migration: the append-only trigger is lifted for this one statement, by the owner,
-- inside this migration's transaction, and they all take this transaction's id (their order is then global_index).
ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_refuse_update_delete;
UPDATE domain_event_entry
   SET tenant_id = (convert_from(payload, 'UTF8')::jsonb ->> 'tenantId')::uuid, tx_id = pg_current_xact_id();
ALTER TABLE domain_event_entry ENABLE ALWAYS TRIGGER domain_event_entry_refuse_update_delete;
ALTER TABLE domain_event_entry ALTER COLUMN tenant_id SET NOT NULL, ALTER COLUMN tx_id SET NOT NULL;

CREATE FUNCTION custos_event_chain_fields() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.tenant_id := (convert_from(NEW.payload, 'UTF8')::jsonb ->> 'tenantId')::uuid;
    IF NEW.tenant_id IS NULL THEN
        RAISE EXCEPTION 'an event must name its tenant: % has no tenantId', NEW.payload_type
            USING ERRCODE = 'not_null_violation';
    END IF;
    NEW.tx_id := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER domain_event_entry_chain_fields
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION custos_event_chain_fields();
ALTER TABLE domain_event_entry ENABLE ALWAYS TRIGGER domain_event_entry_chain_fields;

CREATE INDEX domain_event_entry_chain_order ON domain_event_entry (tx_id, global_index);

-- The auditor's stream reads the events of its own tenant; the write path keeps reading and writing them all.
ALTER TABLE domain_event_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_all ON domain_event_entry FOR ALL TO custos_app USING (true) WITH CHECK (true);
CREATE POLICY reader_tenant ON domain_event_entry FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
GRANT SELECT ON domain_event_entry TO custos_reader;

-- One row per chained event: its place in its tenant's chain and the link. (tenant_id, seq) is the primary key and
-- global_index is unique, so the chain can never fork and no event is chained twice.
CREATE TABLE audit_chain (
    tenant_id    uuid   NOT NULL,
    seq          bigint NOT NULL CHECK (seq > 0),
    global_index bigint NOT NULL UNIQUE,
    prev_hash    bytea  NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea  NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (tenant_id, seq)
);

-- Each tenant's head, and how far the follower has read the store: updated in the transaction that chains.
CREATE TABLE audit_chain_heads (
    tenant_id uuid   PRIMARY KEY,
    seq       bigint NOT NULL,
    hash      bytea  NOT NULL
);
CREATE TABLE audit_chain_position (
    only_row     boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    tx_id        xid8    NOT NULL,
    global_index bigint  NOT NULL
);
INSERT INTO audit_chain_position (tx_id, global_index) VALUES ('0', 0);

-- Signed chain heads. Each signs the previous one's signature too, so a checkpoint cannot be dropped from the middle
-- without breaking the next.
CREATE TABLE audit_checkpoints (
    tenant_id      uuid   NOT NULL,
    number         bigint NOT NULL CHECK (number > 0),
    seq            bigint NOT NULL,
    hash           bytea  NOT NULL,
    signed_at      text   NOT NULL,
    signature      text   NOT NULL,
    prev_signature text,
    key_id         text   NOT NULL,
    PRIMARY KEY (tenant_id, number)
);

-- Every public key the service has signed with, so checkpoints made before a key rotation stay verifiable.
CREATE TABLE audit_signing_keys (
    key_id        text        PRIMARY KEY,
    public_key    text        NOT NULL,
    first_used_at timestamptz NOT NULL
);

-- What has been chained or signed stays: the same triggers as the event store, for the owner too.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_chain', 'audit_checkpoints', 'audit_signing_keys'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION custos_refuse_change()', t || '_refuse_update_delete', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION custos_refuse_change()', t || '_refuse_truncate', t);
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_update_delete');
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_truncate');
    END LOOP;
END
$$;

-- The follower and the signer work across tenants, as the write path; readers see their own tenant's.
GRANT SELECT, INSERT ON audit_chain, audit_checkpoints, audit_signing_keys TO custos_app;
GRANT SELECT, INSERT, UPDATE ON audit_chain_heads, audit_chain_position TO custos_app;
GRANT SELECT ON audit_chain, audit_checkpoints, audit_chain_heads, audit_signing_keys TO custos_reader;
ALTER TABLE audit_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_all ON audit_chain FOR ALL TO custos_app USING (true) WITH CHECK (true);
CREATE POLICY app_all ON audit_checkpoints FOR ALL TO custos_app USING (true) WITH CHECK (true);
CREATE POLICY app_all ON audit_chain_heads FOR ALL TO custos_app USING (true) WITH CHECK (true);
CREATE POLICY reader_tenant ON audit_chain FOR SELECT TO custos_reader USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON audit_checkpoints FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON audit_chain_heads FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
