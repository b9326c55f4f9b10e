-- Issue 9: every tenant member gets a stream of its own (the TenantMember aggregate), and the Tenant aggregate keeps
-- only its circles and settings.

-- A Tenant snapshot taken before the split holds the whole directory in fields the Tenant no longer has, and lacks
-- its circles in the shape it now keeps them. Snapshots are a cache of the stream: dropping them makes the next load
-- replay the tenant's events, which is exact, and a new snapshot follows.
DELETE FROM snapshot_event_entry WHERE type = 'Tenant';

-- A member recorded only in its tenant's stream is adopted into its own stream with what that stream said of it:
-- its circles (every member of the tenant sees cc_circle_members) and all its role assignments, revoked ones
-- included. Reader row-level security hides assignments of circles the reader is not a member of, and an adoption
-- started by a circle operator must still carry them all, so this one read runs with definer rights. It is confined
-- to the reader's own tenant and to one individual, and answers only what the directory already shows that tenant's
-- platform operators.
CREATE POLICY definer_tenant ON cc_operator_role_assignments FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_operator_roles FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
GRANT SELECT ON cc_operator_role_assignments, cc_operator_roles TO custos_definer;

CREATE FUNCTION custos_member_assignments(p_individual_id uuid)
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

-- As in V6 and V11: privileges while the migrating role owns it, then ownership to custos_definer.
REVOKE EXECUTE ON FUNCTION custos_member_assignments(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_member_assignments(uuid) TO custos_definer;
GRANT EXECUTE ON FUNCTION custos_member_assignments(uuid) TO custos_reader;
GRANT CREATE ON SCHEMA public TO custos_definer;
ALTER FUNCTION custos_member_assignments(uuid) OWNER TO custos_definer;
REVOKE CREATE ON SCHEMA public FROM custos_definer;
