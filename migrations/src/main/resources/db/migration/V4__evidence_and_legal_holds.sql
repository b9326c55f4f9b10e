-- Evidence objects, sealed bundles and legal holds. Written in the command's transaction (they are on the
-- authorization path: reads right after a write must see it) and read under row-level security.
CREATE TABLE cc_evidence_objects (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    title                     text        NOT NULL,
    source_type               text        NOT NULL,
    content_mime              text        NOT NULL,
    content_bytes             bigint      NOT NULL CHECK (content_bytes >= 0),
    content_sha256            text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    occurred_at               timestamptz,
    captured_at               timestamptz NOT NULL,
    created_at                timestamptz NOT NULL,
    chain_status              text        NOT NULL DEFAULT 'open'
                                  CHECK (chain_status IN ('open', 'sealed', 'integrity_failed', 'destroyed')),
    sealed_at                 timestamptz,
    last_verified_at          timestamptz,
    destroyed_at              timestamptz,
    blob_key                  text        NOT NULL,
    emergency_run_id          uuid,
    claim_id                  uuid,
    dispute_id                uuid,
    captured_by_individual_id uuid
);
CREATE INDEX cc_evidence_objects_tenant_time ON cc_evidence_objects (tenant_id, captured_at DESC);
CREATE INDEX cc_evidence_objects_run ON cc_evidence_objects (tenant_id, emergency_run_id) WHERE emergency_run_id IS NOT NULL;
CREATE INDEX cc_evidence_objects_claim ON cc_evidence_objects (tenant_id, claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX cc_evidence_objects_dispute ON cc_evidence_objects (tenant_id, dispute_id) WHERE dispute_id IS NOT NULL;

-- manifest_json is text, not jsonb: its exact bytes are what manifest_sha256 hashes.
CREATE TABLE cc_evidence_bundles (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    title                     text        NOT NULL,
    status                    text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sealed')),
    manifest_json             text,
    manifest_sha256           text,
    sealed_at                 timestamptz,
    created_at                timestamptz NOT NULL,
    created_by_individual_id  uuid
);
CREATE INDEX cc_evidence_bundles_tenant_time ON cc_evidence_bundles (tenant_id, created_at DESC);

CREATE TABLE cc_evidence_bundle_members (
    tenant_id   uuid    NOT NULL,
    bundle_id   uuid    NOT NULL REFERENCES cc_evidence_bundles (id),
    evidence_id uuid    NOT NULL REFERENCES cc_evidence_objects (id),
    position    integer NOT NULL,
    PRIMARY KEY (bundle_id, evidence_id)
);
CREATE INDEX cc_evidence_bundle_members_evidence ON cc_evidence_bundle_members (tenant_id, evidence_id);

CREATE TABLE cc_legal_holds (
    id                        uuid        PRIMARY KEY,
    tenant_id                 uuid        NOT NULL,
    circle_id                 uuid,
    title                     text        NOT NULL,
    reason                    text        NOT NULL,
    restrict_sharing          boolean     NOT NULL DEFAULT false,
    status                    text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released')),
    created_at                timestamptz NOT NULL,
    created_by_individual_id  uuid,
    released_at               timestamptz,
    released_by_individual_id uuid,
    release_reason            text
);
CREATE INDEX cc_legal_holds_tenant_status ON cc_legal_holds (tenant_id, status);

CREATE TABLE cc_legal_hold_targets (
    tenant_id              uuid        NOT NULL,
    hold_id                uuid        NOT NULL REFERENCES cc_legal_holds (id),
    target_type            text        NOT NULL CHECK (target_type IN ('evidence_object', 'evidence_bundle', 'claim',
                                           'claim_dossier', 'emergency_run', 'dispute')),
    target_id              uuid        NOT NULL,
    added_at               timestamptz NOT NULL,
    added_by_individual_id uuid,
    PRIMARY KEY (hold_id, target_type, target_id)
);
CREATE INDEX cc_legal_hold_targets_target ON cc_legal_hold_targets (tenant_id, target_type, target_id);

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_evidence_objects', 'cc_evidence_bundles', 'cc_evidence_bundle_members',
                    'cc_legal_holds', 'cc_legal_hold_targets']) AS t;

CREATE POLICY reader_tenant ON cc_evidence_objects FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_evidence_bundles FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant ON cc_evidence_bundle_members FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant_circle ON cc_legal_holds FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant ON cc_legal_hold_targets FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
