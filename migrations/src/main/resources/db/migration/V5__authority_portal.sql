-- Authority access (P2.9): grants, scopes, tokens and the access log, under FORCE RLS like every cc_ table.
CREATE TABLE cc_authority_access_grants (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    circle_id                uuid,
    portal_id                uuid,
    grant_type               text        NOT NULL CHECK (grant_type IN
                                 ('adjuster', 'insurer', 'regulator', 'legal', 'contractor_third_party', 'generic')),
    title                    text        NOT NULL,
    description              text,
    created_at               timestamptz NOT NULL DEFAULT now(),
    created_by_individual_id uuid,
    status                   text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'expired')),
    revoked_at               timestamptz,
    revoked_by_individual_id uuid,
    revoke_reason            text,
    expires_at               timestamptz NOT NULL,
    max_views                integer     CHECK (max_views IS NULL OR max_views > 0),
    require_passcode         boolean     NOT NULL DEFAULT false,
    passcode_hash            text,
    client_request_id        text,
    metadata                 jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX cc_authority_access_grants_tenant_time ON cc_authority_access_grants (tenant_id, created_at DESC);
CREATE INDEX cc_authority_access_grants_tenant_status ON cc_authority_access_grants (tenant_id, status);
CREATE UNIQUE INDEX cc_authority_access_grants_request ON cc_authority_access_grants (tenant_id, client_request_id)
    WHERE client_request_id IS NOT NULL;

CREATE TABLE cc_authority_access_scopes (
    id                     uuid        PRIMARY KEY,
    tenant_id              uuid        NOT NULL,
    grant_id               uuid        NOT NULL REFERENCES cc_authority_access_grants (id) ON DELETE CASCADE,
    scope_type             text        NOT NULL CHECK (scope_type IN
                               ('evidence_bundle', 'claim', 'claim_dossier', 'evidence_object')),
    scope_id               uuid        NOT NULL,
    added_at               timestamptz NOT NULL DEFAULT now(),
    added_by_individual_id uuid,
    label                  text,
    notes                  text
);
CREATE UNIQUE INDEX cc_authority_access_scopes_unique ON cc_authority_access_scopes (tenant_id, grant_id, scope_type, scope_id);
CREATE INDEX cc_authority_access_scopes_object ON cc_authority_access_scopes (tenant_id, scope_type, scope_id);

CREATE TABLE cc_authority_access_tokens (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    grant_id                 uuid        NOT NULL REFERENCES cc_authority_access_grants (id) ON DELETE CASCADE,
    token_hash               text        NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    issued_at                timestamptz NOT NULL DEFAULT now(),
    issued_by_individual_id  uuid,
    last_accessed_at         timestamptz,
    access_count             integer     NOT NULL DEFAULT 0,
    status                   text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'expired')),
    revoked_at               timestamptz,
    revoked_by_individual_id uuid,
    revoke_reason            text,
    expires_at               timestamptz NOT NULL,
    client_request_id        text,
    metadata                 jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX cc_authority_access_tokens_hash ON cc_authority_access_tokens (tenant_id, token_hash);
-- The portal finds a token by its hash alone, before it knows the tenant.
CREATE UNIQUE INDEX cc_authority_access_tokens_lookup ON cc_authority_access_tokens (token_hash);
CREATE INDEX cc_authority_access_tokens_grant ON cc_authority_access_tokens (tenant_id, grant_id);
CREATE UNIQUE INDEX cc_authority_access_tokens_request ON cc_authority_access_tokens (tenant_id, client_request_id)
    WHERE client_request_id IS NOT NULL;

CREATE TABLE cc_authority_access_events (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    grant_id      uuid        NOT NULL,
    token_id      uuid,
    event_type    text        NOT NULL CHECK (event_type IN ('token_issued', 'token_revoked', 'grant_revoked',
                      'access_allowed', 'access_denied', 'passcode_failed', 'rate_limited', 'download_issued')),
    event_at      timestamptz NOT NULL DEFAULT now(),
    ip            text,
    user_agent    text,
    path          text,
    event_payload jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX cc_authority_access_events_grant ON cc_authority_access_events (tenant_id, grant_id, event_at DESC);
CREATE INDEX cc_authority_access_events_token ON cc_authority_access_events (tenant_id, token_id, event_at DESC);
CREATE TRIGGER cc_authority_access_events_refuse_update_delete
    BEFORE UPDATE OR DELETE ON cc_authority_access_events
    FOR EACH ROW EXECUTE FUNCTION custos_refuse_change();
CREATE TRIGGER cc_authority_access_events_refuse_truncate
    BEFORE TRUNCATE ON cc_authority_access_events
    FOR EACH STATEMENT EXECUTE FUNCTION custos_refuse_change();
ALTER TABLE cc_authority_access_events ENABLE ALWAYS TRIGGER cc_authority_access_events_refuse_update_delete;
ALTER TABLE cc_authority_access_events ENABLE ALWAYS TRIGGER cc_authority_access_events_refuse_truncate;

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_authority_access_grants', 'cc_authority_access_scopes', 'cc_authority_access_tokens',
                    'cc_authority_access_events']) AS t;
REVOKE UPDATE ON cc_authority_access_events FROM custos_app;

CREATE POLICY reader_tenant_circle ON cc_authority_access_grants FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant ON cc_authority_access_scopes FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_authority_access_tokens FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_authority_access_events FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());

-- Rate-limit buckets shared by every instance (Bucket4j, SELECT ... FOR UPDATE). Keys are hashes of client
-- address and token; no tenant data lives here, so it is not a cc_ table.
CREATE TABLE portal_rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
GRANT SELECT, INSERT, UPDATE, DELETE ON portal_rate_limit_buckets TO custos_app;

-- The public portal. custos_portal logs in but can read no table; it may only EXECUTE the functions below,
-- which run as custos_definer: a role that owns nothing else, logs in nowhere and sees tenant rows only through
-- its own policies.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custos_portal') THEN
        CREATE ROLE custos_portal LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custos_definer') THEN
        CREATE ROLE custos_definer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO custos_portal', current_database());
    EXECUTE format('GRANT custos_definer TO %I', current_user);
END
$$;
GRANT USAGE ON SCHEMA public TO custos_portal, custos_definer;

GRANT SELECT ON cc_authority_access_grants, cc_authority_access_scopes, cc_authority_access_tokens,
    cc_evidence_objects, cc_evidence_bundles, cc_evidence_bundle_members, cc_legal_holds, cc_legal_hold_targets
    TO custos_definer;
CREATE POLICY definer_lookup ON cc_authority_access_tokens FOR SELECT TO custos_definer USING (true);
CREATE POLICY definer_tenant ON cc_authority_access_grants FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_authority_access_scopes FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_evidence_objects FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_evidence_bundles FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_evidence_bundle_members FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_legal_holds FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_legal_hold_targets FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
