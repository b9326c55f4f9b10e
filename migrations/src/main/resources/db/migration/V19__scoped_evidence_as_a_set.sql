-- Issue 10: dossier scopes reach evidence, and the index lists dossiers and claims (V16's helpers). Issue 9: the
-- portal index found its evidence by calling custos_portal_evidence_in_scope once for every evidence object of the
-- tenant. That helper is a SQL function with SET search_path, which is never inlined, so each
-- call planned its query again: the index cost grew with the tenant's evidence, not with what the link shows
-- (docs/performance.md §2.6). The evidence a grant's scopes reach is now one set, in one place, and both the index
-- and the single-object check read it.

-- Scoped directly, a member of a scoped bundle, or listed by a scoped dossier: the one home of "in scope".
CREATE FUNCTION custos_portal_scoped_evidence(p_grant_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT s.scope_id FROM cc_authority_access_scopes s
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_object'
    UNION
    SELECT m.evidence_id FROM cc_authority_access_scopes s
      JOIN cc_evidence_bundle_members m ON m.bundle_id = s.scope_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle'
    UNION
    SELECT d.evidence_id FROM cc_authority_access_scopes s
      JOIN cc_claim_dossier_evidence d ON d.dossier_id = s.scope_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
$$;

CREATE OR REPLACE FUNCTION custos_portal_evidence_in_scope(p_grant_id uuid, p_evidence_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT p_evidence_id IN (SELECT custos_portal_scoped_evidence(p_grant_id))
$$;

CREATE OR REPLACE FUNCTION cc_authority_list_scope_index(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid)
    RETURNS jsonb
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
        'dossiers', custos_portal_dossiers(p_grant_id),
        'claims', custos_portal_claims(p_grant_id),
        'evidence', (SELECT coalesce(jsonb_agg(custos_portal_evidence_summary(e) ORDER BY e.captured_at, e.id), '[]'::jsonb)
                       FROM cc_evidence_objects e
                      WHERE e.id IN (SELECT custos_portal_scoped_evidence(p_grant_id))
                        AND NOT custos_portal_sharing_restricted('evidence_object', e.id))));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- Like the other custos_portal_ helpers: the definer's alone (see V6 for why the grants come before the owner).
DO $$
BEGIN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO custos_definer';
    EXECUTE 'REVOKE EXECUTE ON FUNCTION custos_portal_scoped_evidence(uuid) FROM PUBLIC';
    EXECUTE 'GRANT EXECUTE ON FUNCTION custos_portal_scoped_evidence(uuid) TO custos_definer';
    EXECUTE 'ALTER FUNCTION custos_portal_scoped_evidence(uuid) OWNER TO custos_definer';
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM custos_definer';
END
$$;
