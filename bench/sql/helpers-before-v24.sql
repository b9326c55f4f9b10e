-- The portal index's helpers as they were before V24, which shows through a grant only what fits its circle.
-- Apply to go back to them; apply V24's functions again to return (docs/performance.md §2.12).
CREATE OR REPLACE FUNCTION custos_portal_scoped_evidence(p_grant_id uuid) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN QUERY
    SELECT s.scope_id FROM cc_authority_access_scopes s
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_object'
    UNION
    SELECT m.evidence_id FROM cc_authority_access_scopes s
      JOIN cc_evidence_bundle_members m ON m.bundle_id = s.scope_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'evidence_bundle'
    UNION
    SELECT d.evidence_id FROM cc_authority_access_scopes s
      JOIN cc_claim_dossier_evidence d ON d.dossier_id = s.scope_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier';
END
$$;

CREATE OR REPLACE FUNCTION custos_portal_claims(p_grant_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_object('claim_id', c.id, 'claim_number', c.claim_number,
                                                 'policy_ref', c.policy_ref, 'loss_date', c.loss_date,
                                                 'title', c.title) ORDER BY c.opened_at, c.id), '[]'::jsonb)
      FROM cc_insurance_claims c
     WHERE c.id IN (SELECT s.scope_id FROM cc_authority_access_scopes s
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim'
                    UNION
                    SELECT d.claim_id FROM cc_authority_access_scopes s JOIN cc_claim_dossiers d ON d.id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
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
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
       AND NOT custos_portal_sharing_restricted('claim_dossier', d.id));
END
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
