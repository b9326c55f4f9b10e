-- A restrict_sharing hold on one member restricts the whole bundle (issue 8): a sealed manifest lists every member's
-- title and sha256 and cannot be edited without breaking its hash, so the portal withholds it entirely. Evidence
-- held through a bundle it belongs to stays restricted as before. This function is the rule's one home in SQL.
CREATE OR REPLACE FUNCTION custos_portal_sharing_restricted(p_type text, p_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM cc_legal_hold_targets ht
          JOIN cc_legal_holds h ON h.id = ht.hold_id AND h.status = 'active' AND h.restrict_sharing
         WHERE (ht.target_type = p_type AND ht.target_id = p_id)
            OR (p_type = 'evidence_object' AND ht.target_type = 'evidence_bundle'
                AND ht.target_id IN (SELECT m.bundle_id FROM cc_evidence_bundle_members m WHERE m.evidence_id = p_id))
            OR (p_type = 'evidence_bundle' AND ht.target_type = 'evidence_object'
                AND ht.target_id IN (SELECT m.evidence_id FROM cc_evidence_bundle_members m WHERE m.bundle_id = p_id)))
$$;
