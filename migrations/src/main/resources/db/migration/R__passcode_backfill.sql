-- Copies the passcode hashes that grants created before the hashes left the events still carry in their revision-1
-- AuthorityGrantCreated events into authority_passcode_hashes, keeping those grants' passcodes working; a hash
-- already there is kept. The owner reads the store and is itself subject to the forced row-level security, so it is
-- lifted for the copy only, inside the caller's transaction. A function rather than a one-off statement so that a
-- test can store an old event and copy again; only the owner calls it.

CREATE OR REPLACE FUNCTION custos_backfill_passcode_hashes() RETURNS bigint
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
