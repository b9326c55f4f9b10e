-- Tenancy and circles: who the current transaction acts for, what a circle lets its members see, whether an object
-- of one circle may go into a container of another, and the helper that gives every cc_ table its row-level
-- security. The policies call the first ones on every row they filter, so those stay plain SQL and read nothing but
-- settings and circle membership. The service enters a tenant with set_config(..., true), so the settings never
-- outlive the transaction on a pooled connection; unset or empty means "no tenant": no rows.

CREATE OR REPLACE FUNCTION custos_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
-- The portal's definer-rights functions and their policies call it too.
GRANT EXECUTE ON FUNCTION custos_current_tenant() TO custos_definer;

CREATE OR REPLACE FUNCTION custos_current_individual() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.individual_id', true), '')::uuid $$;

-- A circle-scoped row is visible to members of that circle only. Invoker rights: the lookup itself runs under
-- cc_circle_members' tenant policy.
CREATE OR REPLACE FUNCTION custos_circle_visible(p_tenant_id uuid, p_circle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT p_circle_id IS NULL OR EXISTS (
        SELECT 1 FROM cc_circle_members m
         WHERE m.tenant_id = p_tenant_id
           AND m.circle_id = p_circle_id
           AND m.individual_id = custos_current_individual())
$$;

-- The one SQL form of "may an object of this circle go into a container of that circle" (Java: Reach.fitsIn;
-- CircleFitAgreementIT holds them together). Plain SQL, so the planner inlines it.
CREATE OR REPLACE FUNCTION custos_fits_in(p_container_circle uuid, p_added_circle uuid) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT p_added_circle IS NULL OR p_added_circle = p_container_circle
$$;
GRANT EXECUTE ON FUNCTION custos_fits_in(uuid, uuid) TO custos_app, custos_reader, custos_definer;

-- Every cc_ table gets the same protection: RLS enabled and forced, reads for the reader role, writes for the
-- app role, and an app policy confined to the current tenant. Each table then adds its own reader policy.
-- Only migrations call it.
CREATE OR REPLACE FUNCTION custos_protect_tenant_table(p_table text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
    EXECUTE format('GRANT SELECT ON %I TO custos_reader', p_table);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO custos_app', p_table);
    EXECUTE format('CREATE POLICY app_tenant ON %I FOR ALL TO custos_app '
                   'USING (tenant_id = custos_current_tenant()) '
                   'WITH CHECK (tenant_id = custos_current_tenant())', p_table);
END
$$;
REVOKE EXECUTE ON FUNCTION custos_protect_tenant_table(text) FROM PUBLIC;
