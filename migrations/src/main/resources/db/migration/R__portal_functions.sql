-- The public read surface of the authority portal. custos_portal logs in but can read no table: it may only EXECUTE
-- the cc_authority_ functions, which are SECURITY DEFINER and owned by custos_definer (a role that owns nothing else,
-- logs in nowhere and sees tenant rows only through its own policies), with search_path pinned (pg_temp last, so a
-- caller's temporary objects can never shadow ours). Each sets app.tenant_id for its own queries and puts the
-- caller's value back before it returns. Each first re-checks the session: the token and its grant must still be
-- active and unexpired, so a revocation or an expiry ends access for sessions already issued. Answers are jsonb:
--   {"session": "inactive"}                   the session no longer counts (the portal answers 401)
--   {"session": "active", "item": null}       no such object in the session's scopes (404)
--   {"session": "active", "item": {...}}      the object
-- The custos_portal_ helpers run with invoker rights, only ever called from those functions (as custos_definer).
-- The per-read helpers are PL/pgSQL: a SQL function with SET search_path is never inlined and its body is planned
-- on every call, while a PL/pgSQL body keeps its plans for the connection's life.

-- The token and its grant are both active (custos_access_open) and in the session's tenant.
CREATE OR REPLACE FUNCTION custos_portal_session_active(p_grant_id uuid, p_token_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN EXISTS (
        SELECT 1 FROM cc_authority_access_tokens t
          JOIN cc_authority_access_grants g ON g.id = t.grant_id
         WHERE t.id = p_token_id AND g.id = p_grant_id
           AND t.tenant_id = custos_current_tenant() AND g.tenant_id = custos_current_tenant()
           AND custos_access_open(t.status, t.expires_at) AND custos_access_open(g.status, g.expires_at));
END
$$;

-- The portal's name for the sharing half of the hold rule (custos_held): held with restrict_sharing, the object
-- itself or anything that covers it.
CREATE OR REPLACE FUNCTION custos_portal_sharing_restricted(p_type text, p_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN custos_held(p_type, p_id, true);
END
$$;

-- The evidence a grant's scopes reach, as one set: scoped directly, a member of a scoped bundle, or listed by a
-- scoped dossier, and only what fits the grant's circle. The one home of "in scope"; the index and the
-- single-object check both read it.
CREATE OR REPLACE FUNCTION custos_portal_scoped_evidence(p_grant_id uuid) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN QUERY
    SELECT e.id FROM cc_authority_access_grants g
      JOIN cc_evidence_objects e ON custos_fits_in(g.circle_id, e.circle_id)
     WHERE g.id = p_grant_id
       AND e.id IN (SELECT s.scope_id FROM cc_authority_access_scopes s
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_object'
                    UNION
                    SELECT m.evidence_id FROM cc_authority_access_scopes s
                      JOIN cc_evidence_bundle_members m ON m.bundle_id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle'
                    UNION
                    SELECT d.evidence_id FROM cc_authority_access_scopes s
                      JOIN cc_claim_dossier_evidence d ON d.dossier_id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier');
END
$$;

CREATE OR REPLACE FUNCTION custos_portal_evidence_in_scope(p_grant_id uuid, p_evidence_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN p_evidence_id IN (SELECT custos_portal_scoped_evidence(p_grant_id));
END
$$;

CREATE OR REPLACE FUNCTION custos_portal_evidence_summary(e cc_evidence_objects) RETURNS jsonb
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT jsonb_build_object('id', e.id, 'source_type', e.source_type, 'title', e.title,
        'occurred_at', e.occurred_at, 'created_at', e.created_at, 'captured_at', e.captured_at,
        'content_mime', e.content_mime, 'content_bytes', e.content_bytes, 'content_sha256', e.content_sha256,
        'chain_status', e.chain_status, 'sealed_at', e.sealed_at)
$$;

-- The claims a session shows: scoped directly, or the claim of a scoped dossier, within the grant's circle.
CREATE OR REPLACE FUNCTION custos_portal_claims(p_grant_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_object('claim_id', c.id, 'claim_number', c.claim_number,
                                                 'policy_ref', c.policy_ref, 'loss_date', c.loss_date,
                                                 'title', c.title) ORDER BY c.opened_at, c.id), '[]'::jsonb)
      FROM cc_authority_access_grants g
      JOIN cc_insurance_claims c ON custos_fits_in(g.circle_id, c.circle_id)
     WHERE g.id = p_grant_id
       AND c.id IN (SELECT s.scope_id FROM cc_authority_access_scopes s
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim'
                    UNION
                    SELECT d.claim_id FROM cc_authority_access_scopes s JOIN cc_claim_dossiers d ON d.id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
                       AND custos_fits_in(g.circle_id, d.circle_id)
                       AND NOT custos_portal_sharing_restricted('claim_dossier', d.id))
       AND NOT custos_portal_sharing_restricted('claim', c.id));
END
$$;

CREATE OR REPLACE FUNCTION custos_portal_dossiers(p_grant_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_object('dossier_id', d.id, 'claim_id', d.claim_id,
                                                 'dossier_sha256', d.dossier_sha256, 'assembled_at', d.assembled_at)
                              ORDER BY d.assembled_at, d.id), '[]'::jsonb)
      FROM cc_authority_access_scopes s JOIN cc_claim_dossiers d ON d.id = s.scope_id
      JOIN cc_authority_access_grants g ON g.id = s.grant_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
       AND custos_fits_in(g.circle_id, d.circle_id)
       AND NOT custos_portal_sharing_restricted('claim_dossier', d.id));
END
$$;

-- Looks a token up by the SHA-256 of the raw token (the raw token never reaches the database, so no statement log
-- can hold it). Answers what the portal needs to decide (AccessWindow, views); the token aggregate then counts the
-- view. The passcode hash is read from its one home, for a grant that requires a passcode.
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

-- A grant's index item, computed from scratch: the one home of what the index shows. The stored index
-- (cc_portal_grant_index) holds exactly this, refreshed whenever something it read changes; the test of that
-- refresh compares the two. Invoker rights: the app calls it to refresh (as custos_app, in its tenant), the
-- portal's read only for a grant whose row is not there yet.
-- The index names a bundle's and a dossier's members only where they are also in its evidence list, so a page
-- never shows a member it cannot open. A listed bundle or dossier is never restricted, and a held member restricts
-- every bundle and dossier that holds it, so no hidden evidence is named. The scoped evidence is found once, in a
-- CTE the three lists share: a PL/pgSQL array variable instead would be a parameter of the statement, whose value
-- changes every call, and the whole statement was then planned again on every call.
CREATE OR REPLACE FUNCTION custos_portal_index_item(p_grant_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_item jsonb;
BEGIN
    WITH scoped AS MATERIALIZED (SELECT custos_portal_scoped_evidence(p_grant_id) AS id)
    SELECT jsonb_build_object(
    'grant', (SELECT jsonb_build_object('title', g.title, 'grant_type', g.grant_type, 'expires_at', g.expires_at)
                FROM cc_authority_access_grants g WHERE g.id = p_grant_id),
    'bundles', (SELECT coalesce(jsonb_agg(jsonb_build_object('bundle_id', b.id, 'title', b.title,
                        'manifest_sha256', b.manifest_sha256, 'sealed_at', b.sealed_at,
                        'evidence_ids', (SELECT coalesce(jsonb_agg(m.evidence_id ORDER BY m.position), '[]'::jsonb)
                                           FROM cc_evidence_bundle_members m
                                          WHERE m.bundle_id = b.id AND m.evidence_id IN (SELECT id FROM scoped)))
                        ORDER BY b.sealed_at), '[]'::jsonb)
                  FROM cc_authority_access_scopes s JOIN cc_evidence_bundles b ON b.id = s.scope_id
                  JOIN cc_authority_access_grants g ON g.id = s.grant_id
                 WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle' AND b.status = 'sealed'
                   AND custos_fits_in(g.circle_id, b.circle_id)
                   AND NOT custos_portal_sharing_restricted('evidence_bundle', b.id)),
    'dossiers', (SELECT coalesce(jsonb_agg(d.dossier || jsonb_build_object('evidence_ids',
                        (SELECT coalesce(jsonb_agg(x.evidence_id ORDER BY e.captured_at, e.id), '[]'::jsonb)
                           FROM cc_claim_dossier_evidence x JOIN cc_evidence_objects e ON e.id = x.evidence_id
                          WHERE x.dossier_id = (d.dossier ->> 'dossier_id')::uuid
                            AND x.evidence_id IN (SELECT id FROM scoped))
                    ) ORDER BY d.position), '[]'::jsonb)
                   FROM jsonb_array_elements(custos_portal_dossiers(p_grant_id))
                        WITH ORDINALITY AS d (dossier, position)),
    'claims', custos_portal_claims(p_grant_id),
    'evidence', (SELECT coalesce(jsonb_agg(custos_portal_evidence_summary(e) ORDER BY e.captured_at, e.id),
                                 '[]'::jsonb)
                   FROM cc_evidence_objects e
                  WHERE e.id IN (SELECT id FROM scoped)
                    AND NOT custos_portal_sharing_restricted('evidence_object', e.id)))
      INTO v_item;
    RETURN v_item;
END
$$;

-- The keys ('kind:id') of everything custos_portal_index_item reads for the grant, so that a change to any of them
-- refreshes it: the grant itself, every object its scopes name, the members and the claim they reach (whether or
-- not they are shown: the circle and status tests read them too), and, for each of those, everything whose hold
-- would cover it (custos_hold_covering: the members, containers and owners the hold rule walks).
CREATE OR REPLACE FUNCTION custos_portal_index_footprint(p_grant_id uuid) RETURNS text[]
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN ARRAY(
        WITH scopes AS (SELECT s.scope_type, s.scope_id FROM cc_authority_access_scopes s
                         WHERE s.grant_id = p_grant_id),
        reached (kind, id) AS (
            SELECT s.scope_type, s.scope_id FROM scopes s
            UNION
            SELECT 'evidence_object', m.evidence_id FROM scopes s
              JOIN cc_evidence_bundle_members m ON s.scope_type = 'evidence_bundle' AND m.bundle_id = s.scope_id
            UNION
            SELECT 'evidence_object', x.evidence_id FROM scopes s
              JOIN cc_claim_dossier_evidence x ON s.scope_type = 'claim_dossier' AND x.dossier_id = s.scope_id
            UNION
            SELECT 'claim', d.claim_id FROM scopes s
              JOIN cc_claim_dossiers d ON s.scope_type = 'claim_dossier' AND d.id = s.scope_id)
        SELECT 'authority_grant:' || p_grant_id
        UNION
        SELECT c.covering_kind || ':' || c.covering_id FROM reached r, custos_hold_covering(r.kind, r.id) c
        ORDER BY 1);
END
$$;

-- Writes a grant's row afresh (in the caller's tenant), leaving it untouched when nothing changed.
CREATE OR REPLACE FUNCTION custos_portal_index_refresh(p_grant_id uuid) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    INSERT INTO cc_portal_grant_index AS i (grant_id, tenant_id, answer, footprint)
    SELECT g.id, g.tenant_id, custos_portal_index_item(g.id), custos_portal_index_footprint(g.id)
      FROM cc_authority_access_grants g WHERE g.id = p_grant_id
    ON CONFLICT (grant_id) DO UPDATE SET answer = excluded.answer, footprint = excluded.footprint
     WHERE i.answer IS DISTINCT FROM excluded.answer OR i.footprint IS DISTINCT FROM excluded.footprint;
END
$$;

-- What a transaction changed, as keys: 'authority_grant:<id>' for a grant or its scopes, 'legal_hold:<id>' for a
-- hold placed or released (it stands for every target of the hold), and 'kind:id' for any other object whose row
-- or links were written. Refreshes, in the caller's tenant, each grant named and each whose footprint names a key,
-- and answers how many. Changes of one tenant take turns here, from the footprint lookup to the commit: a grant
-- refreshed by one transaction then reads what the other committed, and a lookup sees the footprint the other
-- wrote, so no change falls between a refresh and a lookup (READ COMMITTED gives each statement a new snapshot).
CREATE OR REPLACE FUNCTION custos_portal_index_touched(p_keys text[]) RETURNS integer
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_keys text[];
    v_grant uuid;
    v_refreshed integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('custos:portal-index:' || custos_current_tenant(), 0));
    v_keys := p_keys || ARRAY(
        SELECT t.target_type || ':' || t.target_id FROM cc_legal_hold_targets t
         WHERE t.hold_id IN (SELECT substr(k, 12)::uuid FROM unnest(p_keys) k WHERE k LIKE 'legal\_hold:%'));
    FOR v_grant IN
        SELECT substr(k, 17)::uuid FROM unnest(p_keys) k WHERE k LIKE 'authority\_grant:%'
        UNION
        SELECT i.grant_id FROM cc_portal_grant_index i WHERE i.footprint && v_keys
        ORDER BY 1
    LOOP
        PERFORM custos_portal_index_refresh(v_grant);
        v_refreshed := v_refreshed + 1;
    END LOOP;
    RETURN v_refreshed;
END
$$;

-- Writes every grant's row afresh, in every tenant: run at the end of this file, so a database migrated to a new
-- version of these rules answers by the new rules at once. The owner is itself subject to the forced row-level
-- security of the tables it reads, so that is lifted for the refresh only, inside the migration's transaction.
CREATE OR REPLACE FUNCTION custos_portal_index_backfill() RETURNS bigint
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_tables text[] := ARRAY['cc_portal_grant_index', 'cc_authority_access_grants', 'cc_authority_access_scopes',
        'cc_evidence_objects', 'cc_evidence_bundles', 'cc_evidence_bundle_members', 'cc_claim_dossiers',
        'cc_claim_dossier_evidence', 'cc_insurance_claims', 'cc_claim_evidence', 'cc_emergency_run_captures',
        'cc_emergency_run_record_packs', 'cc_dispute_materials', 'cc_defense_packs', 'cc_legal_holds',
        'cc_legal_hold_targets'];
    v_table text;
    v_grant record;
    v_count bigint := 0;
    v_caller_tenant text := current_setting('app.tenant_id', true);
BEGIN
    FOREACH v_table IN ARRAY v_tables LOOP
        EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', v_table);
    END LOOP;
    FOR v_grant IN SELECT g.id, g.tenant_id FROM cc_authority_access_grants g ORDER BY g.tenant_id, g.id LOOP
        PERFORM set_config('app.tenant_id', v_grant.tenant_id::text, true);
        PERFORM custos_portal_index_refresh(v_grant.id);
        v_count := v_count + 1;
    END LOOP;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    FOREACH v_table IN ARRAY v_tables LOOP
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', v_table);
    END LOOP;
    RETURN v_count;
END
$$;
REVOKE EXECUTE ON FUNCTION custos_portal_index_backfill() FROM PUBLIC;

-- The portal's index read: the session re-checked live (a revocation or an expiry counts at once), then the
-- grant's stored index, which every change to what it shows has refreshed in that change's own transaction.
CREATE OR REPLACE FUNCTION cc_authority_list_scope_index(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid)
    RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_caller_tenant text := current_setting('app.tenant_id', true);
    v_item jsonb;
    v_result jsonb;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    IF NOT custos_portal_session_active(p_grant_id, p_token_id) THEN
        v_result := jsonb_build_object('session', 'inactive');
    ELSE
        SELECT i.answer INTO v_item FROM cc_portal_grant_index i WHERE i.grant_id = p_grant_id;
        IF NOT FOUND THEN
            v_item := custos_portal_index_item(p_grant_id);
        END IF;
        v_result := jsonb_build_object('session', 'active', 'item', v_item);
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

CREATE OR REPLACE FUNCTION cc_authority_get_bundle_manifest(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
                                                            p_bundle_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_caller_tenant text := current_setting('app.tenant_id', true);
    v_result jsonb;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    IF NOT custos_portal_session_active(p_grant_id, p_token_id) THEN
        v_result := jsonb_build_object('session', 'inactive');
    ELSE
        v_result := jsonb_build_object('session', 'active', 'item', (
        SELECT jsonb_build_object('bundle_id', b.id, 'title', b.title, 'manifest_json', b.manifest_json,
                                  'manifest_sha256', b.manifest_sha256, 'sealed_at', b.sealed_at)
          FROM cc_evidence_bundles b
          JOIN cc_authority_access_scopes s ON s.scope_id = b.id AND s.scope_type = 'evidence_bundle'
          JOIN cc_authority_access_grants g ON g.id = s.grant_id
         WHERE b.id = p_bundle_id AND s.grant_id = p_grant_id AND b.status = 'sealed'
           AND custos_fits_in(g.circle_id, b.circle_id)
           AND NOT custos_portal_sharing_restricted('evidence_bundle', b.id)));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

CREATE OR REPLACE FUNCTION cc_authority_get_dossier(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
                                                    p_dossier_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_caller_tenant text := current_setting('app.tenant_id', true);
    v_result jsonb;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    IF NOT custos_portal_session_active(p_grant_id, p_token_id) THEN
        v_result := jsonb_build_object('session', 'inactive');
    ELSE
        v_result := jsonb_build_object('session', 'active', 'item', (
        SELECT jsonb_build_object('dossier_id', d.id, 'claim_id', d.claim_id, 'dossier_json', d.dossier_json,
                                  'dossier_sha256', d.dossier_sha256, 'assembled_at', d.assembled_at)
          FROM cc_claim_dossiers d
          JOIN cc_authority_access_scopes s ON s.scope_id = d.id AND s.scope_type = 'claim_dossier'
          JOIN cc_authority_access_grants g ON g.id = s.grant_id
         WHERE d.id = p_dossier_id AND s.grant_id = p_grant_id
           AND custos_fits_in(g.circle_id, d.circle_id)
           AND NOT custos_portal_sharing_restricted('claim_dossier', d.id)));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- The safe subset of an in-scope evidence object, plus its blob key for the portal to sign a download with.
-- The key is internal: the portal strips it from every answer.
CREATE OR REPLACE FUNCTION cc_authority_get_evidence_object_summary(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
                                                         p_evidence_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_caller_tenant text := current_setting('app.tenant_id', true);
    v_result jsonb;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    IF NOT custos_portal_session_active(p_grant_id, p_token_id) THEN
        v_result := jsonb_build_object('session', 'inactive');
    ELSE
        v_result := jsonb_build_object('session', 'active', 'item', (
        SELECT custos_portal_evidence_summary(e) || jsonb_build_object('blob_key', e.blob_key)
          FROM cc_evidence_objects e
         WHERE e.id = p_evidence_id AND e.chain_status <> 'destroyed'
           AND custos_portal_evidence_in_scope(p_grant_id, e.id)
           AND NOT custos_portal_sharing_restricted('evidence_object', e.id)));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- Privileges are set while the migrating role may still own a function (one new to this file: a member of the new
-- owner may not be allowed to grant on its behalf), then ownership passes to custos_definer, which keeps the ACL.
-- A new owner needs CREATE on the schema for ALTER ... OWNER; the definer has it only for that moment. On functions
-- the definer owns already, all of this changes nothing. Only the cc_authority_ functions are the portal's; the
-- custos_portal_ helpers are callable by the definer alone.
DO $$
DECLARE
    f text;
BEGIN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO custos_definer';
    FOREACH f IN ARRAY ARRAY['custos_portal_session_active(uuid, uuid)',
                             'custos_portal_sharing_restricted(text, uuid)',
                             'custos_portal_scoped_evidence(uuid)',
                             'custos_portal_evidence_in_scope(uuid, uuid)',
                             'custos_portal_evidence_summary(cc_evidence_objects)',
                             'custos_portal_claims(uuid)',
                             'custos_portal_dossiers(uuid)',
                             'custos_portal_index_item(uuid)',
                             'cc_authority_validate_token(text)',
                             'cc_authority_list_scope_index(uuid, uuid, uuid)',
                             'cc_authority_get_bundle_manifest(uuid, uuid, uuid, uuid)',
                             'cc_authority_get_dossier(uuid, uuid, uuid, uuid)',
                             'cc_authority_get_evidence_object_summary(uuid, uuid, uuid, uuid)']
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO custos_definer', f);
        IF f LIKE 'cc\_authority\_%' THEN
            EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO custos_portal', f);
        END IF;
        EXECUTE format('ALTER FUNCTION %s OWNER TO custos_definer', f);
    END LOOP;
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM custos_definer';
END
$$;

-- The app computes the stored index with the same helpers, as itself (they are invoker-rights), and writes it.
GRANT EXECUTE ON FUNCTION custos_portal_sharing_restricted(text, uuid), custos_portal_scoped_evidence(uuid),
    custos_portal_evidence_summary(cc_evidence_objects), custos_portal_claims(uuid), custos_portal_dossiers(uuid),
    custos_portal_index_item(uuid) TO custos_app;
REVOKE EXECUTE ON FUNCTION custos_portal_index_footprint(uuid), custos_portal_index_refresh(uuid),
    custos_portal_index_touched(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_portal_index_footprint(uuid), custos_portal_index_refresh(uuid),
    custos_portal_index_touched(text[]) TO custos_app;

-- Every stored index, by the rules as this file now states them.
SELECT custos_portal_index_backfill();
