-- Witnesses cosign the tenants' signed tree heads. When a checkpoint is made while witnesses are configured, the
-- witnesses it is to be sent to are recorded in the same transaction (audit_witness_requests); each one's answer is
-- then either a cosignature or a refusal. A head is served only once every witness asked has answered, and never if
-- one found it inconsistent with what it cosigned before, so a head a witness is about to reject is not served in
-- the meantime. A witness is named by its cosigner verifier key (public): a new key is a new witness.
CREATE TABLE audit_witness_requests (
    tenant_id   uuid   NOT NULL,
    number      bigint NOT NULL,
    witness_key text   NOT NULL,
    PRIMARY KEY (tenant_id, number, witness_key),
    FOREIGN KEY (tenant_id, number) REFERENCES audit_checkpoints (tenant_id, number)
);

-- The cosignature line(s) a witness gave, verified against its key and the checkpoint's text, ready to append to the
-- note; tree_size is the checkpoint's, which the witness now holds: the next proof it is sent starts there.
CREATE TABLE audit_witness_cosignatures (
    tenant_id       uuid        NOT NULL,
    number          bigint      NOT NULL,
    witness_key     text        NOT NULL,
    tree_size       bigint      NOT NULL CHECK (tree_size > 0),
    signature_lines text        NOT NULL CHECK (signature_lines LIKE '%' || chr(10)),
    cosigned_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, number, witness_key),
    FOREIGN KEY (tenant_id, number, witness_key) REFERENCES audit_witness_requests (tenant_id, number, witness_key)
);
CREATE INDEX audit_witness_cosignatures_last_size ON audit_witness_cosignatures (tenant_id, witness_key, tree_size);

-- Why a witness gave none. The detail is the service's own words (never the witness's URL or answer body).
CREATE TABLE audit_witness_refusals (
    tenant_id   uuid        NOT NULL,
    number      bigint      NOT NULL,
    witness_key text        NOT NULL,
    reason      text        NOT NULL
        CHECK (reason IN ('INCONSISTENT', 'WITNESS_AHEAD', 'NOT_ACCEPTED', 'BAD_COSIGNATURE', 'UNAVAILABLE')),
    detail      text        NOT NULL,
    refused_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, number, witness_key),
    FOREIGN KEY (tenant_id, number, witness_key) REFERENCES audit_witness_requests (tenant_id, number, witness_key)
);
CREATE INDEX audit_witness_refusals_inconsistent ON audit_witness_refusals (tenant_id, number)
    WHERE reason = 'INCONSISTENT';

-- What witnesses answered stays, like the checkpoints they answered.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_witness_requests', 'audit_witness_cosignatures', 'audit_witness_refusals'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION custos_refuse_change()', t || '_refuse_update_delete', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION custos_refuse_change()', t || '_refuse_truncate', t);
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_update_delete');
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_truncate');
        EXECUTE format('GRANT SELECT, INSERT ON %I TO custos_app', t);
        EXECUTE format('GRANT SELECT ON %I TO custos_reader', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY app_all ON %I FOR ALL TO custos_app USING (true) WITH CHECK (true)', t);
        EXECUTE format('CREATE POLICY reader_tenant ON %I FOR SELECT TO custos_reader '
                       'USING (tenant_id = custos_current_tenant())', t);
    END LOOP;
END
$$;
