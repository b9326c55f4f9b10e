-- The one SQL home of "is this grant (or token) still active?": its status is active and its expiry is still ahead,
-- strictly; the instant of expiry is already expired. The one Java home is AccessWindow (event-schema), and
-- AccessWindowAgreementIT shows that the two agree, at the boundary too. The portal's session check and the
-- operators' reads of grants and tokens both ask it. Invoker rights: a pure decision that reads nothing.

CREATE OR REPLACE FUNCTION custos_access_open(p_status text, p_expires_at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(p_status = 'active' AND p_expires_at > now(), false)
$$;
REVOKE EXECUTE ON FUNCTION custos_access_open(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_access_open(text, timestamptz) TO custos_definer;
GRANT EXECUTE ON FUNCTION custos_access_open(text, timestamptz) TO custos_reader;
