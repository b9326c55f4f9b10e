-- A tenant member's role assignments, revoked ones included, for adopting a member into its own stream. Reader
-- row-level security hides assignments of circles the reader is not a member of, and an adoption started by a circle
-- operator must still carry them all, so this one read runs with definer rights (owned by custos_definer). It is
-- confined to the reader's own tenant and to one individual, and answers only what the directory already shows that
-- tenant's platform operators.

CREATE OR REPLACE FUNCTION custos_member_assignments(p_individual_id uuid)
    RETURNS TABLE (assignment_id uuid, role_key text, circle_id uuid, status text, assigned_at timestamptz,
                   assigned_by_individual_id uuid, revoked_at timestamptz, revoked_by_individual_id uuid,
                   revoke_reason text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT a.id, r.role_key, a.circle_id, a.status, a.assigned_at, a.assigned_by_individual_id, a.revoked_at,
           a.revoked_by_individual_id, a.revoke_reason
      FROM cc_operator_role_assignments a
      JOIN cc_operator_roles r ON r.id = a.role_id AND r.tenant_id = a.tenant_id
     WHERE a.tenant_id = custos_current_tenant() AND a.individual_id = p_individual_id
     ORDER BY a.assigned_at, a.id
$$;

-- Privileges while the migrating role may still own it (a function new to this file), then ownership to
-- custos_definer, with CREATE on the schema for that moment only; on a function the definer owns already, these
-- change nothing.
DO $$
BEGIN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO custos_definer';
    EXECUTE 'REVOKE EXECUTE ON FUNCTION custos_member_assignments(uuid) FROM PUBLIC';
    EXECUTE 'GRANT EXECUTE ON FUNCTION custos_member_assignments(uuid) TO custos_definer';
    EXECUTE 'GRANT EXECUTE ON FUNCTION custos_member_assignments(uuid) TO custos_reader';
    EXECUTE 'ALTER FUNCTION custos_member_assignments(uuid) OWNER TO custos_definer';
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM custos_definer';
END
$$;
