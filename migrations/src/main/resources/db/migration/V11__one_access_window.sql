-- The one SQL home of "is this grant (or token) still active?" (issue 9): its status is active and its expiry is
-- still ahead, strictly; the instant of expiry is already expired. The one Java home is AccessWindow (event-schema),
-- and AccessWindowAgreementIT shows that the two agree, at the boundary too. Invoker rights: a pure decision that
-- reads nothing.
CREATE FUNCTION custos_access_open(p_status text, p_expires_at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(p_status = 'active' AND p_expires_at > now(), false)
$$;
REVOKE EXECUTE ON FUNCTION custos_access_open(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_access_open(text, timestamptz) TO custos_definer;

CREATE OR REPLACE FUNCTION custos_portal_session_active(p_grant_id uuid, p_token_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM cc_authority_access_tokens t
          JOIN cc_authority_access_grants g ON g.id = t.grant_id
         WHERE t.id = p_token_id AND g.id = p_grant_id
           AND t.tenant_id = custos_current_tenant() AND g.tenant_id = custos_current_tenant()
           AND custos_access_open(t.status, t.expires_at) AND custos_access_open(g.status, g.expires_at))
$$;

-- The token lookup loses its "ok" column: nothing read it, and the decision it made a second time (with max_views)
-- belongs to the portal (AccessWindow) and to the token aggregate (views). A changed result type needs a new function.
DROP FUNCTION cc_authority_validate_token(text);
CREATE FUNCTION cc_authority_validate_token(p_token_hash text)
    RETURNS TABLE (tenant_id uuid, grant_id uuid, token_id uuid, token_hash text,
                   expires_at timestamptz, token_status text, grant_status text, grant_expires_at timestamptz,
                   max_views integer, access_count integer, require_passcode boolean, passcode_hash text,
                   scopes jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    t cc_authority_access_tokens;
    g cc_authority_access_grants;
    v_caller_tenant text := current_setting('app.tenant_id', true);
BEGIN
    SELECT * INTO t FROM cc_authority_access_tokens x WHERE x.token_hash = p_token_hash;
    IF NOT FOUND THEN
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz, NULL::text,
            NULL::text, NULL::timestamptz, NULL::integer, NULL::integer, NULL::boolean, NULL::text, NULL::jsonb;
        RETURN;
    END IF;
    PERFORM set_config('app.tenant_id', t.tenant_id::text, true);
    SELECT * INTO g FROM cc_authority_access_grants y WHERE y.id = t.grant_id;
    RETURN QUERY SELECT
        t.tenant_id, t.grant_id, t.id, t.token_hash, least(t.expires_at, g.expires_at), t.status, g.status,
        g.expires_at, g.max_views, t.access_count, g.require_passcode, g.passcode_hash,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('scope_type', s.scope_type, 'scope_id', s.scope_id)), '[]'::jsonb)
           FROM cc_authority_access_scopes s WHERE s.grant_id = g.id);
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
END
$$;

-- As in V6: privileges while the migrating role owns it, then ownership to custos_definer (a security definer
-- function must run as the definer), with CREATE on the schema for that moment only.
REVOKE EXECUTE ON FUNCTION cc_authority_validate_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cc_authority_validate_token(text) TO custos_definer;
GRANT EXECUTE ON FUNCTION cc_authority_validate_token(text) TO custos_portal;
GRANT CREATE ON SCHEMA public TO custos_definer;
ALTER FUNCTION cc_authority_validate_token(text) OWNER TO custos_definer;
REVOKE CREATE ON SCHEMA public FROM custos_definer;
