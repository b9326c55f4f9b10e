-- The public read surface of the authority portal. Every function is SECURITY DEFINER, owned by custos_definer,
-- with search_path pinned (pg_temp last, so a reader's temporary objects can never shadow ours). Each sets
-- app.tenant_id for its own queries and puts the caller's value back before it returns. EXECUTE is revoked from PUBLIC and granted to custos_portal only.
--
-- Each function first re-checks the session: the token and its grant must still be active and unexpired, so a
-- revocation or an expiry ends access for sessions already issued. Answers are jsonb:
--   {"session": "inactive"}                   the session no longer counts (the portal answers 401)
--   {"session": "active", "item": null}       no such object in the session's scopes (404)
--   {"session": "active", "item": {...}}      the object

-- Helpers: invoker rights, only ever called from the functions below (as custos_definer).
CREATE FUNCTION custos_portal_session_active(p_grant_id uuid, p_token_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM cc_authority_access_tokens t
          JOIN cc_authority_access_grants g ON g.id = t.grant_id
         WHERE t.id = p_token_id AND g.id = p_grant_id
           AND t.tenant_id = custos_current_tenant() AND g.tenant_id = custos_current_tenant()
           AND t.status = 'active' AND g.status = 'active'
           AND t.expires_at > now() AND g.expires_at > now())
$$;

-- Held with restrict_sharing: the object itself, or (for evidence) a bundle that contains it.
CREATE FUNCTION custos_portal_sharing_restricted(p_type text, p_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM cc_legal_hold_targets ht
          JOIN cc_legal_holds h ON h.id = ht.hold_id AND h.status = 'active' AND h.restrict_sharing
         WHERE (ht.target_type = p_type AND ht.target_id = p_id)
            OR (p_type = 'evidence_object' AND ht.target_type = 'evidence_bundle'
                AND ht.target_id IN (SELECT m.bundle_id FROM cc_evidence_bundle_members m WHERE m.evidence_id = p_id)))
$$;

-- In scope: scoped directly, or a member of a scoped bundle. (Scoped dossiers join here when dossiers exist.)
CREATE FUNCTION custos_portal_evidence_in_scope(p_grant_id uuid, p_evidence_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM cc_authority_access_scopes s
         WHERE s.grant_id = p_grant_id
           AND ((s.scope_type = 'evidence_object' AND s.scope_id = p_evidence_id)
             OR (s.scope_type = 'evidence_bundle' AND s.scope_id IN
                    (SELECT m.bundle_id FROM cc_evidence_bundle_members m WHERE m.evidence_id = p_evidence_id))))
$$;

CREATE FUNCTION custos_portal_evidence_summary(e cc_evidence_objects) RETURNS jsonb
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT jsonb_build_object('id', e.id, 'source_type', e.source_type, 'title', e.title,
        'occurred_at', e.occurred_at, 'created_at', e.created_at, 'captured_at', e.captured_at,
        'content_mime', e.content_mime, 'content_bytes', e.content_bytes, 'content_sha256', e.content_sha256,
        'chain_status', e.chain_status, 'sealed_at', e.sealed_at)
$$;

-- Looks a token up by the SHA-256 of the raw token (the raw token never reaches the database, so no statement
-- log can hold it). Answers what the portal needs to decide; the token aggregate then counts the view.
CREATE FUNCTION cc_authority_validate_token(p_token_hash text)
    RETURNS TABLE (ok boolean, tenant_id uuid, grant_id uuid, token_id uuid, token_hash text,
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
        RETURN QUERY SELECT false, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz, NULL::text,
            NULL::text, NULL::timestamptz, NULL::integer, NULL::integer, NULL::boolean, NULL::text, NULL::jsonb;
        RETURN;
    END IF;
    PERFORM set_config('app.tenant_id', t.tenant_id::text, true);
    SELECT * INTO g FROM cc_authority_access_grants y WHERE y.id = t.grant_id;
    RETURN QUERY SELECT
        t.status = 'active' AND g.status = 'active' AND least(t.expires_at, g.expires_at) > now()
            AND (g.max_views IS NULL OR t.access_count < g.max_views),
        t.tenant_id, t.grant_id, t.id, t.token_hash, least(t.expires_at, g.expires_at), t.status, g.status,
        g.expires_at, g.max_views, t.access_count, g.require_passcode, g.passcode_hash,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('scope_type', s.scope_type, 'scope_id', s.scope_id)), '[]'::jsonb)
           FROM cc_authority_access_scopes s WHERE s.grant_id = g.id);
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
END
$$;

CREATE FUNCTION cc_authority_list_scope_index(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid) RETURNS jsonb
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
        v_result := jsonb_build_object('session', 'active', 'item', jsonb_build_object(
        'grant', (SELECT jsonb_build_object('title', g.title, 'grant_type', g.grant_type, 'expires_at', g.expires_at)
                    FROM cc_authority_access_grants g WHERE g.id = p_grant_id),
        'bundles', (SELECT coalesce(jsonb_agg(jsonb_build_object('bundle_id', b.id, 'title', b.title,
                            'manifest_sha256', b.manifest_sha256, 'sealed_at', b.sealed_at) ORDER BY b.sealed_at), '[]'::jsonb)
                      FROM cc_authority_access_scopes s JOIN cc_evidence_bundles b ON b.id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle' AND b.status = 'sealed'
                       AND NOT custos_portal_sharing_restricted('evidence_bundle', b.id)),
        'dossiers', '[]'::jsonb,
        'claims', '[]'::jsonb,
        'evidence', (SELECT coalesce(jsonb_agg(custos_portal_evidence_summary(e) ORDER BY e.captured_at, e.id), '[]'::jsonb)
                       FROM cc_evidence_objects e
                      WHERE custos_portal_evidence_in_scope(p_grant_id, e.id)
                        AND NOT custos_portal_sharing_restricted('evidence_object', e.id))));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

CREATE FUNCTION cc_authority_get_bundle_manifest(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
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
         WHERE b.id = p_bundle_id AND s.grant_id = p_grant_id AND b.status = 'sealed'
           AND NOT custos_portal_sharing_restricted('evidence_bundle', b.id)));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- Dossiers arrive with the insurance subsystem; until then no dossier can be in scope, and this answers so.
CREATE FUNCTION cc_authority_get_dossier(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
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
        v_result := jsonb_build_object('session', 'active', 'item', NULL);
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- The safe subset of an in-scope evidence object, plus its blob key for the portal to sign a download with.
-- The key is internal: the portal strips it from every answer.
CREATE FUNCTION cc_authority_get_evidence_object_summary(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
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

-- Privileges are set while the migrating role still owns the functions (a member of the new owner may not be
-- allowed to grant on its behalf), then ownership passes to custos_definer, which keeps the ACL. A new owner needs
-- CREATE on the schema for ALTER ... OWNER; the definer has it only for that moment. Only the cc_authority_
-- functions are the portal's; the custos_portal_ helpers are callable by the definer alone.
DO $$
DECLARE
    f text;
BEGIN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO custos_definer';
    FOREACH f IN ARRAY ARRAY['custos_portal_session_active(uuid, uuid)',
                             'custos_portal_sharing_restricted(text, uuid)',
                             'custos_portal_evidence_in_scope(uuid, uuid)',
                             'custos_portal_evidence_summary(cc_evidence_objects)',
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
-- custos_current_tenant() is called by the definer's policies and helpers.
GRANT EXECUTE ON FUNCTION custos_current_tenant() TO custos_definer;
