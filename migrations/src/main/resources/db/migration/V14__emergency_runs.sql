-- Issue 10: emergency runs, their scope grants and their record packs. Built in the command's transaction by the
-- synchronous processor, like holds and grants: the operator-action pipeline finds a run's circle here before it
-- decides, and a retried start finds its run by client_request_id.

CREATE TABLE cc_emergency_runs (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    circle_id                 uuid,
    run_type                  text        NOT NULL,
    title                     text        NOT NULL,
    summary                   text,
    status                    text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved')),
    client_request_id         text,
    started_at                timestamptz NOT NULL,
    started_by_individual_id  uuid,
    resolved_at               timestamptz,
    resolved_by_individual_id uuid,
    resolution_note           text
);
-- One run per request: a second start with the same key fails on this index and rolls back whole.
CREATE UNIQUE INDEX cc_emergency_runs_client_request ON cc_emergency_runs (tenant_id, client_request_id)
    WHERE client_request_id IS NOT NULL;
CREATE INDEX cc_emergency_runs_tenant_status ON cc_emergency_runs (tenant_id, status);

CREATE TABLE cc_emergency_run_scope_grants (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    run_id                    uuid        NOT NULL REFERENCES cc_emergency_runs (id),
    circle_id                 uuid,
    grantee_individual_id     uuid        NOT NULL,
    scope_key                 text        NOT NULL,
    expires_at                timestamptz,
    granted_at                timestamptz NOT NULL,
    granted_by_individual_id  uuid,
    revoked_at                timestamptz,
    revoked_by_individual_id  uuid,
    revoke_reason             text
);
CREATE INDEX cc_emergency_run_scope_grants_run ON cc_emergency_run_scope_grants (tenant_id, run_id);

CREATE TABLE cc_emergency_run_record_packs (
    bundle_id                 uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    run_id                    uuid        NOT NULL REFERENCES cc_emergency_runs (id),
    circle_id                 uuid,
    manifest_sha256           text        NOT NULL,
    capture_count             integer     NOT NULL,
    generated_at              timestamptz NOT NULL,
    generated_by_individual_id uuid
);
CREATE INDEX cc_emergency_run_record_packs_run ON cc_emergency_run_record_packs (tenant_id, run_id, generated_at);

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_emergency_runs', 'cc_emergency_run_scope_grants', 'cc_emergency_run_record_packs']) AS t;

-- A circle's run, and everything about it, is visible to that circle's members only.
CREATE POLICY reader_tenant_circle ON cc_emergency_runs FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_emergency_run_scope_grants FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_emergency_run_record_packs FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
