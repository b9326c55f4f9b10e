-- The one SQL rule of "covered by an active hold", which the destruction check (HoldCoverage) and every portal read
-- (through custos_portal_sharing_restricted) call. In three steps:
--   objects:  the object, and for a bundle or a dossier every evidence object it lists (a manifest or a dossier
--             lists every member's title and sha256 and cannot be edited without breaking its hash, so it is
--             covered when any member is);
--   parts:    the objects, and the bundles and dossiers that list an evidence object among them;
--   covering: the parts, and what a part belongs to: the runs of a capture or of a record pack, the claims of
--             its evidence or its dossier, the dispute of its evidence, of its material or of its defense pack.
-- It runs for every object of a portal read and of a stored index refresh, so it is shaped for speed (measured in
-- docs/performance.md):
-- - PL/pgSQL, not SQL: a SQL function with SET search_path is never inlined, so a SQL form plans its whole query on
--   every call; PL/pgSQL keeps the plans for the session;
-- - a tenant with no hold target at all answers at once;
-- - otherwise each covering object is looked up in the targets' (tenant, type, id) index, and only the holds of
--   the targets found are read, never every hold of the tenant.

-- Everything whose hold would cover the object: the covering set above, whatever the holds. The portal index
-- stores it, per grant, as the objects its answer depends on.
CREATE OR REPLACE FUNCTION custos_hold_covering(p_type text, p_id uuid)
    RETURNS TABLE (covering_kind text, covering_id uuid)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH objects (kind, id) AS (
        SELECT p_type, p_id
        UNION
        SELECT 'evidence_object', m.evidence_id FROM cc_evidence_bundle_members m
         WHERE p_type = 'evidence_bundle' AND m.bundle_id = p_id
        UNION
        SELECT 'evidence_object', d.evidence_id FROM cc_claim_dossier_evidence d
         WHERE p_type = 'claim_dossier' AND d.dossier_id = p_id
    ), parts (kind, id) AS (
        SELECT kind, id FROM objects
        UNION
        SELECT 'evidence_bundle', m.bundle_id FROM objects o
          JOIN cc_evidence_bundle_members m ON o.kind = 'evidence_object' AND m.evidence_id = o.id
        UNION
        SELECT 'claim_dossier', d.dossier_id FROM objects o
          JOIN cc_claim_dossier_evidence d ON o.kind = 'evidence_object' AND d.evidence_id = o.id
    ), covering (kind, id) AS (
        SELECT kind, id FROM parts
        UNION ALL
        SELECT 'emergency_run', rc.run_id FROM parts p
          JOIN cc_emergency_run_captures rc ON p.kind = 'evidence_object' AND rc.evidence_id = p.id
        UNION ALL
        SELECT 'emergency_run', r.run_id FROM parts p
          JOIN cc_emergency_run_record_packs r ON p.kind = 'evidence_bundle' AND r.bundle_id = p.id
        UNION ALL
        SELECT 'claim', c.claim_id FROM parts p
          JOIN cc_claim_evidence c ON p.kind = 'evidence_object' AND c.evidence_id = p.id
        UNION ALL
        SELECT 'claim', d.claim_id FROM parts p
          JOIN cc_claim_dossiers d ON p.kind = 'claim_dossier' AND d.id = p.id
        UNION ALL
        SELECT 'dispute', e.dispute_id FROM parts p
          JOIN cc_evidence_objects e ON p.kind = 'evidence_object' AND e.id = p.id
         WHERE e.dispute_id IS NOT NULL
        UNION ALL
        SELECT 'dispute', dm.dispute_id FROM parts p
          JOIN cc_dispute_materials dm ON dm.material_type = p.kind AND dm.material_id = p.id
        UNION ALL
        SELECT 'dispute', dp.dispute_id FROM parts p
          JOIN cc_defense_packs dp ON p.kind = 'evidence_bundle' AND dp.bundle_id = p.id
    )
    SELECT c.kind, c.id FROM covering c;
END
$$;
REVOKE EXECUTE ON FUNCTION custos_hold_covering(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_hold_covering(text, uuid) TO custos_app, custos_definer;

CREATE OR REPLACE FUNCTION custos_held(p_type text, p_id uuid, p_sharing boolean) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM cc_legal_hold_targets t WHERE t.tenant_id = custos_current_tenant()) THEN
        RETURN false;
    END IF;
    RETURN EXISTS (
            SELECT 1 FROM custos_hold_covering(p_type, p_id) c
             WHERE EXISTS (SELECT 1 FROM cc_legal_hold_targets t
                             JOIN cc_legal_holds h ON h.id = t.hold_id
                            WHERE t.tenant_id = custos_current_tenant() AND t.target_type = c.covering_kind
                              AND t.target_id = c.covering_id AND h.status = 'active'
                              AND (h.restrict_sharing OR NOT p_sharing)));
END
$$;
REVOKE EXECUTE ON FUNCTION custos_held(text, uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_held(text, uuid, boolean) TO custos_app, custos_definer;
