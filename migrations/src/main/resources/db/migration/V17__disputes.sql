-- Issue 10: disputes, their materials and their defense packs, built in the command's transaction by the synchronous
-- processor (the pipeline finds a dispute's or a pack's circle here before it decides). The hold rule learns them
-- in V18.

CREATE TABLE cc_disputes (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    circle_id                uuid,
    title                    text        NOT NULL,
    counterparty             text        NOT NULL,
    opened_at                timestamptz NOT NULL,
    opened_by_individual_id  uuid
);

-- Material: an evidence object, a sealed bundle or a claim dossier (added by the route), or evidence uploaded with
-- x-dispute-id.
CREATE TABLE cc_dispute_materials (
    dispute_id               uuid        NOT NULL REFERENCES cc_disputes (id),
    material_type            text        NOT NULL CHECK (material_type IN ('evidence_object', 'evidence_bundle',
                                                                           'claim_dossier')),
    material_id              uuid        NOT NULL,
    tenant_id                uuid        NOT NULL,
    circle_id                uuid,
    added_at                 timestamptz NOT NULL,
    added_by_individual_id   uuid,
    PRIMARY KEY (dispute_id, material_type, material_id)
);
CREATE INDEX cc_dispute_materials_material ON cc_dispute_materials (tenant_id, material_type, material_id);

CREATE TABLE cc_defense_packs (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    dispute_id               uuid        NOT NULL REFERENCES cc_disputes (id),
    circle_id                uuid,
    bundle_id                uuid        NOT NULL UNIQUE,
    pack_sha256              text        NOT NULL CHECK (pack_sha256 ~ '^[0-9a-f]{64}$'),
    evidence_count           integer     NOT NULL,
    assembled_at             timestamptz NOT NULL,
    assembled_by_individual_id uuid
);
CREATE INDEX cc_defense_packs_dispute ON cc_defense_packs (tenant_id, dispute_id, assembled_at);

SELECT custos_protect_tenant_table(t)
  FROM unnest(ARRAY['cc_disputes', 'cc_dispute_materials', 'cc_defense_packs']) AS t;

CREATE POLICY reader_tenant_circle ON cc_disputes FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_dispute_materials FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
CREATE POLICY reader_tenant_circle ON cc_defense_packs FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));

GRANT SELECT ON cc_disputes, cc_dispute_materials, cc_defense_packs TO custos_definer;
CREATE POLICY definer_tenant ON cc_disputes FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_dispute_materials FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
CREATE POLICY definer_tenant ON cc_defense_packs FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());
