-- A tenant with 5,000 evidence objects, one grant scoped to 5 of them, and one token of it.
\set tenant '00000000-0000-4000-8000-0000000000bb'
INSERT INTO cc_evidence_objects (id, tenant_id, title, source_type, content_mime, content_bytes, content_sha256,
    captured_at, created_at, blob_key)
SELECT gen_random_uuid(), :'tenant', 'e', 'upload', 'text/plain', 1, repeat('a', 64), now(), now(), 'k'
  FROM generate_series(1, 5000);
INSERT INTO cc_authority_access_grants (id, tenant_id, grant_type, title, status, created_at, expires_at)
VALUES ('00000000-0000-4000-8000-0000000000cc', :'tenant', 'adjuster', 'g', 'active', now(), now() + interval '1 day');
INSERT INTO cc_authority_access_tokens (id, tenant_id, grant_id, token_hash, status, expires_at)
VALUES ('00000000-0000-4000-8000-0000000000dd', :'tenant', '00000000-0000-4000-8000-0000000000cc', repeat('b', 64),
        'active', now() + interval '1 day');
INSERT INTO cc_authority_access_scopes (id, tenant_id, grant_id, scope_type, scope_id)
SELECT gen_random_uuid(), :'tenant', '00000000-0000-4000-8000-0000000000cc', 'evidence_object', id
  FROM (SELECT id FROM cc_evidence_objects WHERE tenant_id = :'tenant' LIMIT 5) e;
ANALYZE;
-- The grant's stored index, as the projections would write it (V29).
SELECT set_config('app.tenant_id', :'tenant', false);
SELECT custos_portal_index_touched('{authority_grant:00000000-0000-4000-8000-0000000000cc}');
