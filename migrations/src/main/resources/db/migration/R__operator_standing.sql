-- The operator-action pipeline's one read before it decides: the caller's standing (tenant member, circle member,
-- role held tenant-wide or in the circle, the caller's circles) and where the action's target object lives, in one
-- statement and so in one round trip. It enters the tenant itself with transaction-local settings, inside the
-- implicit transaction of the single statement that calls it, so the settings are gone when that statement ends.
-- Both functions run with the caller's rights: every table is read under the reader's row-level security, so a
-- hidden target is simply not found. Where each kind of object keeps its circle is one static query per kind (Java's
-- ObjectKind names the kinds; ObjectKindsIT checks that each has its query here): no SQL text is ever passed in
-- and run.

CREATE OR REPLACE FUNCTION custos_object_circle(p_kind text, p_id uuid, OUT located boolean, OUT circle uuid)
    LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    CASE p_kind
        WHEN 'legal_hold' THEN
            SELECT h.circle_id INTO circle FROM cc_legal_holds h WHERE h.id = p_id;
        WHEN 'authority_grant' THEN
            SELECT g.circle_id INTO circle FROM cc_authority_access_grants g WHERE g.id = p_id;
        WHEN 'authority_token' THEN
            -- A token belongs to its grant's circle; the join hides tokens of grants the caller cannot see.
            SELECT g.circle_id INTO circle FROM cc_authority_access_tokens t
              JOIN cc_authority_access_grants g ON g.id = t.grant_id WHERE t.id = p_id;
        WHEN 'role_assignment' THEN
            SELECT a.circle_id INTO circle FROM cc_operator_role_assignments a WHERE a.id = p_id;
        WHEN 'circle' THEN
            -- Circles are the tenant's directory, which every member sees; a circle belongs to itself.
            SELECT c.id INTO circle FROM cc_circles c WHERE c.tenant_id = custos_current_tenant() AND c.id = p_id;
        WHEN 'emergency_run' THEN
            SELECT r.circle_id INTO circle FROM cc_emergency_runs r WHERE r.id = p_id;
        WHEN 'claim' THEN
            SELECT c.circle_id INTO circle FROM cc_insurance_claims c WHERE c.id = p_id;
        WHEN 'claim_dossier' THEN
            SELECT d.circle_id INTO circle FROM cc_claim_dossiers d WHERE d.id = p_id;
        WHEN 'dispute' THEN
            SELECT d.circle_id INTO circle FROM cc_disputes d WHERE d.id = p_id;
        WHEN 'defense_pack' THEN
            SELECT p.circle_id INTO circle FROM cc_defense_packs p WHERE p.id = p_id;
        WHEN 'evidence_object' THEN
            SELECT e.circle_id INTO circle FROM cc_evidence_objects e WHERE e.id = p_id;
        WHEN 'evidence_bundle' THEN
            SELECT b.circle_id INTO circle FROM cc_evidence_bundles b WHERE b.id = p_id;
        ELSE
            RAISE EXCEPTION 'not an object kind: %', p_kind USING ERRCODE = '22023';
    END CASE;
    located := FOUND;
END
$$;
REVOKE EXECUTE ON FUNCTION custos_object_circle(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_object_circle(text, uuid) TO custos_reader;

CREATE OR REPLACE FUNCTION custos_operator_standing(p_tenant_id uuid, p_individual_id uuid, p_role_key text, p_circle_id uuid,
                                         p_target_kind text, p_target_id uuid)
    RETURNS TABLE (tenant_member boolean, circle_member boolean, tenant_wide boolean, in_circle boolean,
                   circles uuid[], target_found boolean, target_circle uuid)
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_found boolean := false;
    v_target_circle uuid;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true),
            set_config('app.individual_id', p_individual_id::text, true);
    IF p_target_kind IS NOT NULL THEN
        SELECT o.located, o.circle INTO v_found, v_target_circle
          FROM custos_object_circle(p_target_kind, p_target_id) o;
    END IF;
    RETURN QUERY
    SELECT EXISTS (SELECT 1 FROM cc_tenant_members m WHERE m.individual_id = p_individual_id),
           EXISTS (SELECT 1 FROM cc_circle_members c WHERE c.tenant_id = custos_current_tenant()
                      AND c.circle_id = p_circle_id AND c.individual_id = p_individual_id),
           EXISTS (SELECT 1 FROM cc_operator_role_assignments a JOIN cc_operator_roles r ON r.id = a.role_id
                    WHERE a.individual_id = p_individual_id AND a.status = 'active'
                      AND (p_role_key IS NULL OR r.role_key = p_role_key) AND a.circle_id IS NULL),
           EXISTS (SELECT 1 FROM cc_operator_role_assignments a JOIN cc_operator_roles r ON r.id = a.role_id
                    WHERE a.individual_id = p_individual_id AND a.status = 'active'
                      AND (p_role_key IS NULL OR r.role_key = p_role_key) AND a.circle_id = p_circle_id),
           ARRAY(SELECT c.circle_id FROM cc_circle_members c WHERE c.tenant_id = custos_current_tenant()
                    AND c.individual_id = p_individual_id),
           v_found,
           v_target_circle;
END
$$;
REVOKE EXECUTE ON FUNCTION custos_operator_standing(uuid, uuid, text, uuid, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_operator_standing(uuid, uuid, text, uuid, text, uuid) TO custos_reader;
