-- Issue 9: the operator-action pipeline's one read before it decides, the caller's standing, in one statement and so
-- in one round trip. A read in an explicit transaction costs four (BEGIN, set_config, the read, ROLLBACK); this
-- function enters the tenant itself, with transaction-local settings, inside the implicit transaction of the single
-- statement that calls it, so the settings are gone when that statement ends, exactly as after a ROLLBACK.
--
-- It runs with the caller's rights (SECURITY INVOKER): every table below is read under the reader's row-level
-- security, so a hidden target is simply not found. The target's circle query is the ObjectKind's own (Java keeps
-- the one list of what can be targeted), with its id as $1; it is text from the service's code, never from a request,
-- and it can do nothing the calling role could not do in a statement of its own.
CREATE FUNCTION custos_operator_standing(p_tenant_id uuid, p_individual_id uuid, p_role_key text, p_circle_id uuid,
                                         p_target_query text, p_target_id uuid)
    RETURNS TABLE (tenant_member boolean, circle_member boolean, tenant_wide boolean, in_circle boolean,
                   circles uuid[], target_found boolean, target_circle uuid)
    LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_found_rows bigint := 0;
    v_target_circle uuid;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true),
            set_config('app.individual_id', p_individual_id::text, true);
    IF p_target_query IS NOT NULL THEN
        EXECUTE p_target_query INTO v_target_circle USING p_target_id;
        GET DIAGNOSTICS v_found_rows = ROW_COUNT;
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
           v_found_rows > 0,
           v_target_circle;
END
$$;

REVOKE EXECUTE ON FUNCTION custos_operator_standing(uuid, uuid, text, uuid, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_operator_standing(uuid, uuid, text, uuid, text, uuid) TO custos_reader;
