-- A share's passcode hash has one home: this table. An event is read by every auditor and chained for good, and a
-- readable argon2id hash lets anyone guess the passcode offline, past every throttle. So AuthorityGrantCreated
-- (revision 2) records only that a passcode is required, and the command that creates the grant writes the hash
-- here, in its own transaction (StoredPasscodeHashes). The table is no projection, so it is no cc_ table
-- (ProjectionTables lists every cc_ table) and has no foreign key to the grants: a rebuild of the read tables empties
-- cc_authority_access_grants, and would otherwise take the hashes with it, which no event could bring back.
CREATE TABLE authority_passcode_hashes (
    grant_id      uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL,
    passcode_hash text NOT NULL CHECK (passcode_hash <> '')
);

-- Least privilege. The runtime role may add a hash for the tenant it has entered, and do nothing else with it: not
-- read it back, change or remove it. The reader role has no access at all. Only the portal's definer function reads
-- it, at the session exchange, under its own tenant policy.
ALTER TABLE authority_passcode_hashes ENABLE ROW LEVEL SECURITY;
ALTER TABLE authority_passcode_hashes FORCE ROW LEVEL SECURITY;
REVOKE ALL ON authority_passcode_hashes FROM PUBLIC;
GRANT INSERT ON authority_passcode_hashes TO custos_app;
CREATE POLICY app_insert ON authority_passcode_hashes FOR INSERT TO custos_app
    WITH CHECK (tenant_id = custos_current_tenant());
GRANT SELECT ON authority_passcode_hashes TO custos_definer;
CREATE POLICY definer_tenant ON authority_passcode_hashes FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());

-- Grants created before this migration carry their hash in their revision-1 event, whose bytes stay as they are
-- (the audit chain covers them); copying it here keeps their passcodes working. The owner reads the store, and is
-- itself subject to the forced row-level security, so it is lifted for the copy only (as V7 does). A function, so
-- that a test can store an old event and copy again; a hash already here is kept.
CREATE FUNCTION custos_backfill_passcode_hashes() RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_copied bigint;
BEGIN
    ALTER TABLE authority_passcode_hashes NO FORCE ROW LEVEL SECURITY;
    INSERT INTO authority_passcode_hashes (grant_id, tenant_id, passcode_hash)
    SELECT (p ->> 'grantId')::uuid, (p ->> 'tenantId')::uuid, p ->> 'passcodeHash'
      FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
             WHERE payload_type = 'dev.custos.events.authority.AuthorityGrantCreated'
               AND payload_revision = '1') stored
     WHERE nullif(p ->> 'passcodeHash', '') IS NOT NULL
    ON CONFLICT (grant_id) DO NOTHING;
    GET DIAGNOSTICS v_copied = ROW_COUNT;
    ALTER TABLE authority_passcode_hashes FORCE ROW LEVEL SECURITY;
    RETURN v_copied;
END
$$;
REVOKE EXECUTE ON FUNCTION custos_backfill_passcode_hashes() FROM PUBLIC;
SELECT custos_backfill_passcode_hashes();

-- The token lookup reads the hash from its home, for a grant that requires a passcode; its answer keeps its shape.
CREATE OR REPLACE FUNCTION cc_authority_validate_token(p_token_hash text)
    RETURNS TABLE (tenant_id uuid, grant_id uuid, token_id uuid, token_hash text,
                   expires_at timestamptz, token_status text, grant_status text, grant_expires_at timestamptz,
                   max_views integer, access_count integer, require_passcode boolean, passcode_hash text,
                   scopes jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    t cc_authority_access_tokens;
    g cc_authority_access_grants;
    v_caller_tenant text := current_setting('app.tenant_id', true);
BEGIN
    SELECT * INTO t FROM cc_authority_access_tokens x WHERE x.token_hash = p_token_hash;
    IF NOT FOUND THEN
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz, NULL::text,
            NULL::text, NULL::timestamptz, NULL::integer, NULL::integer, NULL::boolean, NULL::text, NULL::jsonb;
        RETURN;
    END IF;
    PERFORM set_config('app.tenant_id', t.tenant_id::text, true);
    SELECT * INTO g FROM cc_authority_access_grants y WHERE y.id = t.grant_id;
    RETURN QUERY SELECT
        t.tenant_id, t.grant_id, t.id, t.token_hash, least(t.expires_at, g.expires_at), t.status, g.status,
        g.expires_at, g.max_views, t.access_count, g.require_passcode,
        (SELECT h.passcode_hash FROM authority_passcode_hashes h WHERE h.grant_id = g.id AND g.require_passcode),
        (SELECT coalesce(jsonb_agg(jsonb_build_object('scope_type', s.scope_type, 'scope_id', s.scope_id)), '[]'::jsonb)
           FROM cc_authority_access_scopes s WHERE s.grant_id = g.id);
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
END
$$;

-- The read table kept a copy of every hash, readable by the reader role under its tenant policy: gone.
ALTER TABLE cc_authority_access_grants DROP COLUMN passcode_hash;
