-- The portal index as V19 answered it, before V22 named each bundle's and dossier's members (only to measure
-- against: see docs/performance.md §2.8). It calls the same helpers as the live index, so the two differ only by
-- what V22 added.
CREATE OR REPLACE FUNCTION index_before_v22(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid)
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
