-- The hold rule as first written, in SQL (kept here only to measure against: see docs/performance.md §2.5).
CREATE OR REPLACE FUNCTION first_sql_held(p_type text, p_id uuid, p_sharing boolean) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    WITH objects (kind, id) AS (
        SELECT p_type, p_id
        UNION ALL
        SELECT 'evidence_object', m.evidence_id FROM cc_evidence_bundle_members m
         WHERE p_type = 'evidence_bundle' AND m.bundle_id = p_id
        UNION ALL
        SELECT 'evidence_object', d.evidence_id FROM cc_claim_dossier_evidence d
         WHERE p_type = 'claim_dossier' AND d.dossier_id = p_id
    ), covering (kind, id) AS (
        SELECT kind, id FROM objects
        UNION ALL
        SELECT 'evidence_bundle', m.bundle_id FROM objects o
          JOIN cc_evidence_bundle_members m ON o.kind = 'evidence_object' AND m.evidence_id = o.id
        UNION ALL
        SELECT 'claim_dossier', d.dossier_id FROM objects o
          JOIN cc_claim_dossier_evidence d ON o.kind = 'evidence_object' AND d.evidence_id = o.id
        UNION ALL
        SELECT 'claim', c.claim_id FROM objects o
          JOIN cc_claim_evidence c ON o.kind = 'evidence_object' AND c.evidence_id = o.id
        UNION ALL
        SELECT 'emergency_run', e.emergency_run_id FROM objects o
          JOIN cc_evidence_objects e ON o.kind = 'evidence_object' AND e.id = o.id
         WHERE e.emergency_run_id IS NOT NULL
        UNION ALL
        SELECT 'dispute', e.dispute_id FROM objects o
          JOIN cc_evidence_objects e ON o.kind = 'evidence_object' AND e.id = o.id
         WHERE e.dispute_id IS NOT NULL
        UNION ALL
        SELECT 'emergency_run', p.run_id FROM objects o
          JOIN cc_emergency_run_record_packs p ON o.kind = 'evidence_bundle' AND p.bundle_id = o.id
        UNION ALL
        SELECT 'claim', d.claim_id FROM objects o
          JOIN cc_claim_dossiers d ON o.kind = 'claim_dossier' AND d.id = o.id
    )
    SELECT EXISTS (
        SELECT 1 FROM cc_legal_hold_targets t
          JOIN cc_legal_holds h ON h.id = t.hold_id AND h.status = 'active' AND (h.restrict_sharing OR NOT p_sharing)
          JOIN covering c ON c.kind = t.target_type AND c.id = t.target_id)
$$;