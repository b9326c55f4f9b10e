-- Issue 10: insurance claims, the evidence that belongs to them and their immutable dossiers, built in the command's
-- transaction by the synchronous processor (the pipeline finds a claim's or a dossier's circle here before it
-- decides), and the portal's reads of a dossier and of the claims and dossiers a link shows (V19 lists them, and
-- the evidence a dossier reaches, in the index). What a hold covers learns them in V18.

CREATE TABLE cc_insurance_claims (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    circle_id                uuid,
    claim_number             text        NOT NULL,
    policy_ref               text        NOT NULL,
    loss_date                date        NOT NULL,
    title                    text        NOT NULL,
    opened_at                timestamptz NOT NULL,
    opened_by_individual_id  uuid
);
-- A claim number names one claim of the tenant: a second claim with it fails here and rolls back whole (409).
CREATE UNIQUE INDEX cc_insurance_claims_number ON cc_insurance_claims (tenant_id, claim_number);

-- The claim's evidence: attached by the route, or uploaded with x-claim-id.
CREATE TABLE cc_claim_evidence (
    claim_id                 uuid        NOT NULL REFERENCES cc_insurance_claims (id),
    evidence_id              uuid        NOT NULL,
    tenant_id                uuid        NOT NULL,
    circle_id                uuid,
    attached_at              timestamptz NOT NULL,
    attached_by_individual_id uuid,
    PRIMARY KEY (claim_id, evidence_id)
);
CREATE INDEX cc_claim_evidence_evidence ON cc_claim_evidence (tenant_id, evidence_id);

-- dossier_json is text, not jsonb: its exact bytes are what dossier_sha256 hashes.
CREATE TABLE cc_claim_dossiers (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    claim_id                 uuid        NOT NULL REFERENCES cc_insurance_claims (id),
    circle_id                uuid,
    dossier_json             text        NOT NULL,
    dossier_sha256           text        NOT NULL CHECK (dossier_sha256 ~ '^[0-9a-f]{64}$'),
    evidence_count           integer     NOT NULL,
    assembled_at             timestamptz NOT NULL,
    assembled_by_individual_id uuid
);
CREATE INDEX cc_claim_dossiers_claim ON cc_claim_dossiers (tenant_id, claim_id, assembled_at);

CREATE TABLE cc_claim_dossier_evidence (
    dossier_id               uuid        NOT NULL REFERENCES cc_claim_dossiers (id),
    evidence_id              uuid        NOT NULL,
    tenant_id                uuid        NOT NULL,
    PRIMARY KEY (dossier_id, evidence_id)
);
CREATE INDEX cc_claim_dossier_evidence_evidence ON cc_claim_dossier_evidence (tenant_id, evidence_id);

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_insurance_claims', 'cc_claim_evidence', 'cc_claim_dossiers', 'cc_claim_dossier_evidence']) AS t;

-- A circle's claim, and everything about it, is visible to that circle's members only. A dossier's evidence rows
-- carry no circle: they are reached through the dossier.
CREATE POLICY reader_tenant_circle ON cc_insurance_claims FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_claim_evidence FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_claim_dossiers FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant ON cc_claim_dossier_evidence FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());

-- The portal's definer reads what a session's scopes reach, and what holds cover, in the session's tenant.
GRANT SELECT ON cc_insurance_claims, cc_claim_evidence, cc_claim_dossiers, cc_claim_dossier_evidence,
    cc_emergency_run_record_packs TO custos_definer;
CREATE POLICY definer_tenant ON cc_insurance_claims FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_claim_evidence FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_claim_dossiers FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_claim_dossier_evidence FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_emergency_run_record_packs FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());

-- The claims a session shows: scoped directly, or the claim of a scoped dossier.
CREATE FUNCTION custos_portal_claims(p_grant_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('claim_id', c.id, 'claim_number', c.claim_number,
                                                 'policy_ref', c.policy_ref, 'loss_date', c.loss_date,
                                                 'title', c.title) ORDER BY c.opened_at, c.id), '[]'::jsonb)
      FROM cc_insurance_claims c
     WHERE c.id IN (SELECT s.scope_id FROM cc_authority_access_scopes s
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim'
                    UNION
                    SELECT d.claim_id FROM cc_authority_access_scopes s JOIN cc_claim_dossiers d ON d.id = s.scope_id
                     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
                       AND NOT custos_portal_sharing_restricted('claim_dossier', d.id))
       AND NOT custos_portal_sharing_restricted('claim', c.id)
$$;

CREATE FUNCTION custos_portal_dossiers(p_grant_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('dossier_id', d.id, 'claim_id', d.claim_id,
                                                 'dossier_sha256', d.dossier_sha256, 'assembled_at', d.assembled_at)
                              ORDER BY d.assembled_at, d.id), '[]'::jsonb)
      FROM cc_authority_access_scopes s JOIN cc_claim_dossiers d ON d.id = s.scope_id
     WHERE s.grant_id = p_grant_id AND s.scope_type = 'claim_dossier'
       AND NOT custos_portal_sharing_restricted('claim_dossier', d.id)
$$;

CREATE OR REPLACE FUNCTION cc_authority_get_dossier(p_tenant_id uuid, p_grant_id uuid, p_token_id uuid,
                                                    p_dossier_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_caller_tenant text := current_setting('app.tenant_id', true);
    v_result jsonb;
BEGIN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    IF NOT custos_portal_session_active(p_grant_id, p_token_id) THEN
        v_result := jsonb_build_object('session', 'inactive');
    ELSE
        v_result := jsonb_build_object('session', 'active', 'item', (
        SELECT jsonb_build_object('dossier_id', d.id, 'claim_id', d.claim_id, 'dossier_json', d.dossier_json,
                                  'dossier_sha256', d.dossier_sha256, 'assembled_at', d.assembled_at)
          FROM cc_claim_dossiers d
          JOIN cc_authority_access_scopes s ON s.scope_id = d.id AND s.scope_type = 'claim_dossier'
         WHERE d.id = p_dossier_id AND s.grant_id = p_grant_id
           AND NOT custos_portal_sharing_restricted('claim_dossier', d.id)));
    END IF;
    PERFORM set_config('app.tenant_id', coalesce(v_caller_tenant, ''), true);
    RETURN v_result;
END
$$;

-- The new helpers are the definer's alone, like the other custos_portal_ helpers (see V6 for why the grants come
-- before the change of owner).
DO $$
DECLARE
    f text;
BEGIN
    EXECUTE 'GRANT CREATE ON SCHEMA public TO custos_definer';
    FOREACH f IN ARRAY ARRAY['custos_portal_claims(uuid)', 'custos_portal_dossiers(uuid)'] LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO custos_definer', f);
        EXECUTE format('ALTER FUNCTION %s OWNER TO custos_definer', f);
    END LOOP;
    EXECUTE 'REVOKE CREATE ON SCHEMA public FROM custos_definer';
END
$$;
