BEGIN;
SELECT set_config('app.tenant_id', '00000000-0000-4000-8000-0000000000aa', true);
SELECT custos_held('evidence_object', '00000000-0000-4000-8000-000000000001', true),
       custos_held('evidence_object', '00000000-0000-4000-8000-000000000002', true),
       custos_held('evidence_object', '00000000-0000-4000-8000-000000000003', true),
       custos_held('evidence_object', '00000000-0000-4000-8000-000000000004', true),
       custos_held('evidence_object', '00000000-0000-4000-8000-000000000005', true);
COMMIT;
