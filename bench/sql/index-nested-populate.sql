-- Adds to index-populate.sql's grant a sealed bundle of 20 members and a claim dossier listing 20 evidence objects,
-- both scoped: the link whose index names its members (V22, issue 12).
\set tenant '00000000-0000-4000-8000-0000000000bb'
\set grant '00000000-0000-4000-8000-0000000000cc'
INSERT INTO cc_evidence_bundles (id, tenant_id, sealed_at, created_at, manifest_sha256, title, status, manifest_json)
VALUES ('00000000-0000-4000-8000-0000000000b1', :'tenant', now(), now(), repeat('c', 64), 'b', 'sealed', '{}');
INSERT INTO cc_evidence_bundle_members (tenant_id, bundle_id, evidence_id, position)
SELECT :'tenant', '00000000-0000-4000-8000-0000000000b1', id, row_number() OVER ()
  FROM (SELECT id FROM cc_evidence_objects WHERE tenant_id = :'tenant' ORDER BY id LIMIT 20) e;
INSERT INTO cc_insurance_claims (id, tenant_id, loss_date, opened_at, claim_number, policy_ref, title)
VALUES ('00000000-0000-4000-8000-0000000000c1', :'tenant', current_date, now(), 'C-1', 'P-1', 'c');
INSERT INTO cc_claim_dossiers (id, tenant_id, claim_id, assembled_at, evidence_count, dossier_json, dossier_sha256)
VALUES ('00000000-0000-4000-8000-0000000000d1', :'tenant', '00000000-0000-4000-8000-0000000000c1', now(), 20, '{}',
        repeat('d', 64));
INSERT INTO cc_claim_dossier_evidence (dossier_id, evidence_id, tenant_id)
SELECT '00000000-0000-4000-8000-0000000000d1', id, :'tenant'
  FROM (SELECT id FROM cc_evidence_objects WHERE tenant_id = :'tenant' ORDER BY id DESC LIMIT 20) e;
INSERT INTO cc_authority_access_scopes (id, tenant_id, grant_id, scope_type, scope_id)
VALUES (gen_random_uuid(), :'tenant', :'grant', 'evidence_bundle', '00000000-0000-4000-8000-0000000000b1'),
       (gen_random_uuid(), :'tenant', :'grant', 'claim_dossier', '00000000-0000-4000-8000-0000000000d1');
ANALYZE;
-- The grant's stored index, as the projections would write it (V29).
SELECT set_config('app.tenant_id', :'tenant', false);
SELECT custos_portal_index_touched('{authority_grant:00000000-0000-4000-8000-0000000000cc}');
