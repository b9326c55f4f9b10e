-- Tenancy for row-level security. The service sets these per transaction with set_config(..., true), so
-- they never outlive the transaction on a pooled connection. Unset or empty means "no tenant": no rows.
CREATE FUNCTION custos_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION custos_current_individual() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.individual_id', true), '')::uuid $$;

CREATE TABLE cc_tenants (
    tenant_id                uuid        PRIMARY KEY,
    name                     text        NOT NULL,
    created_at               timestamptz NOT NULL,
    created_by_individual_id uuid
);

CREATE TABLE cc_tenant_members (
    tenant_id              uuid        NOT NULL REFERENCES cc_tenants (tenant_id),
    individual_id          uuid        NOT NULL,
    display_name           text,
    added_at               timestamptz NOT NULL,
    added_by_individual_id uuid,
    PRIMARY KEY (tenant_id, individual_id)
);

CREATE TABLE cc_circles (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL REFERENCES cc_tenants (tenant_id),
    name                     text        NOT NULL,
    created_at               timestamptz NOT NULL,
    created_by_individual_id uuid
);
CREATE INDEX cc_circles_tenant ON cc_circles (tenant_id);

CREATE TABLE cc_circle_members (
    tenant_id              uuid        NOT NULL,
    circle_id              uuid        NOT NULL REFERENCES cc_circles (id),
    individual_id          uuid        NOT NULL,
    added_at               timestamptz NOT NULL,
    added_by_individual_id uuid,
    PRIMARY KEY (circle_id, individual_id)
);
CREATE INDEX cc_circle_members_tenant_individual ON cc_circle_members (tenant_id, individual_id);

-- A circle-scoped row is visible to members of that circle only. Invoker rights: the lookup itself runs
-- under cc_circle_members' tenant policy.
CREATE FUNCTION custos_circle_visible(p_tenant_id uuid, p_circle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT p_circle_id IS NULL OR EXISTS (
        SELECT 1 FROM cc_circle_members m
         WHERE m.tenant_id = p_tenant_id
           AND m.circle_id = p_circle_id
           AND m.individual_id = custos_current_individual())
$$;

CREATE TABLE cc_operator_roles (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES cc_tenants (tenant_id),
    role_key    text NOT NULL CHECK (role_key IN
                    ('emergency_operator', 'legal_operator', 'insurance_operator', 'platform_operator')),
    title       text NOT NULL,
    description text,
    UNIQUE (tenant_id, role_key)
);

CREATE TABLE cc_operator_role_assignments (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    circle_id                 uuid        REFERENCES cc_circles (id),
    individual_id             uuid        NOT NULL,
    role_id                   uuid        NOT NULL REFERENCES cc_operator_roles (id),
    assigned_at               timestamptz NOT NULL DEFAULT now(),
    assigned_by_individual_id uuid,
    status                    text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    revoked_at                timestamptz,
    revoked_by_individual_id  uuid,
    revoke_reason             text
);
CREATE INDEX cc_operator_role_assignments_lookup
    ON cc_operator_role_assignments (tenant_id, individual_id, status);

-- Every cc_ table gets the same protection: RLS enabled and forced, reads for the reader role, writes for the
-- app role, and an app policy confined to the current tenant. Each table then adds its own reader policy.
CREATE FUNCTION custos_protect_tenant_table(p_table text) RETURNS void
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

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_tenants', 'cc_tenant_members', 'cc_circles', 'cc_circle_members',
                    'cc_operator_roles', 'cc_operator_role_assignments']) AS t;

-- The directory itself is tenant-scoped; roles and assignments also honour circle membership.
CREATE POLICY reader_tenant ON cc_tenants FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_tenant_members FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_circles FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_circle_members FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_operator_roles FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant_circle ON cc_operator_role_assignments FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
