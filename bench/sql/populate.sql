-- One tenant with 2,000 active holds, each with a target elsewhere (so nothing below is covered), and 5 evidence
-- objects that a portal index would check.
\set tenant '00000000-0000-4000-8000-0000000000aa'
INSERT INTO cc_legal_holds (id, tenant_id, title, reason, restrict_sharing, status, created_at)
SELECT gen_random_uuid(), :'tenant', 'h', 'r', (g % 2 = 0), 'active', now() FROM generate_series(1, 2000) g;
INSERT INTO cc_legal_hold_targets (tenant_id, hold_id, target_type, target_id, added_at)
SELECT :'tenant', id, 'evidence_object', gen_random_uuid(), now() FROM cc_legal_holds WHERE tenant_id = :'tenant';
INSERT INTO cc_evidence_objects (id, tenant_id, title, source_type, content_mime, content_bytes, content_sha256,
    captured_at, created_at, blob_key)
SELECT ('00000000-0000-4000-8000-00000000000' || g)::uuid, :'tenant', 'e', 'upload', 'text/plain', 1,
    repeat('a', 64), now(), now(), 'k' FROM generate_series(1, 5) g;
ANALYZE;
