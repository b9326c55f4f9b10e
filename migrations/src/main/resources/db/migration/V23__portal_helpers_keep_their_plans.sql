-- Issue 9: every portal read paid for planning its helpers' queries again. A SQL function with SET search_path is
-- never inlined, and its body is planned on every call; a PL/pgSQL body keeps its plans for the connection's life.
-- The portal's per-read helpers are therefore PL/pgSQL, with the same queries, the same answers and the same
-- SET search_path (docs/performance.md §2.9: the index of a 45-item link 4.25 → 2.50 ms, byte-identical answers).

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

CREATE OR REPLACE FUNCTION custos_portal_evidence_in_scope(p_grant_id uuid, p_evidence_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN p_evidence_id IN (SELECT custos_portal_scoped_evidence(p_grant_id));
END
$$;
