-- Issue 12: the portal page nests each sealed bundle's and each dossier's evidence under it, so the index names
-- their members. A listed bundle or dossier is never restricted, and a member held with restricted sharing restricts
-- every bundle and dossier that holds it (V18's custos_held covers them), so every member named here is also in the
-- index's evidence list: no per-member check is needed, and no hidden evidence is named. The members are read
-- here, in PL/pgSQL, whose plans are kept, rather than in V16's custos_portal_dossiers: a SQL function with SET
-- search_path is planned again on every call (docs/performance.md §2.6 and §2.8).

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
                            'manifest_sha256', b.manifest_sha256, 'sealed_at', b.sealed_at,
                            'evidence_ids', (SELECT coalesce(jsonb_agg(m.evidence_id ORDER BY m.position), '[]'::jsonb)
                                               FROM cc_evidence_bundle_members m WHERE m.bundle_id = b.id))
                            ORDER BY b.sealed_at), '[]'::jsonb)
                      FROM cc_authority_access_scopes s JOIN cc_evidence_bundles b ON b.id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle' AND b.status = 'sealed'
                       AND NOT custos_portal_sharing_restricted('evidence_bundle', b.id)),
        'dossiers', (SELECT coalesce(jsonb_agg(d.dossier || jsonb_build_object('evidence_ids',
                            (SELECT coalesce(jsonb_agg(x.evidence_id ORDER BY x.evidence_id), '[]'::jsonb)
                               FROM cc_claim_dossier_evidence x WHERE x.dossier_id = (d.dossier ->> 'dossier_id')::uuid)
                        ) ORDER BY d.position), '[]'::jsonb)
                       FROM jsonb_array_elements(custos_portal_dossiers(p_grant_id)) WITH ORDINALITY AS d (dossier, position)),
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
