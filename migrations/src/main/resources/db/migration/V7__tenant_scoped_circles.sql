-- Circle ids are chosen by clients, so two tenants can hold the same one. Until now the circle tables were keyed by
-- the circle id alone and the projection inserted with ON CONFLICT DO NOTHING: the second tenant's circle (or
-- membership) was silently not stored. From here on every circle table is keyed by (tenant_id, circle_id).

ALTER TABLE cc_operator_role_assignments DROP CONSTRAINT cc_operator_role_assignments_circle_id_fkey;
ALTER TABLE cc_circle_members DROP CONSTRAINT cc_circle_members_circle_id_fkey;
ALTER TABLE cc_circle_members DROP CONSTRAINT cc_circle_members_pkey;
ALTER TABLE cc_circles DROP CONSTRAINT cc_circles_pkey;

ALTER TABLE cc_circles ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE cc_circle_members ADD PRIMARY KEY (tenant_id, circle_id, individual_id);

-- Existing rows may already have diverged from the event store, so both tables are rebuilt from it: the events
-- are the record. The owner is itself subject to the forced row-level security, so it is lifted for the rebuild
-- only, inside this migration's transaction.
ALTER TABLE cc_circles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cc_circle_members NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cc_operator_role_assignments NO FORCE ROW LEVEL SECURITY;

DELETE FROM cc_circle_members;
DELETE FROM cc_circles;

INSERT INTO cc_circles (id, tenant_id, name, created_at, created_by_individual_id)
SELECT (p ->> 'circleId')::uuid, (p ->> 'tenantId')::uuid, p ->> 'name', (p ->> 'createdAt')::timestamptz,
       (p ->> 'createdByIndividualId')::uuid
  FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p, global_index FROM domain_event_entry
         WHERE payload_type = 'dev.custos.events.directory.CircleCreated') AS created
 ORDER BY global_index;

INSERT INTO cc_circle_members (tenant_id, circle_id, individual_id, added_at, added_by_individual_id)
SELECT (p ->> 'tenantId')::uuid, (p ->> 'circleId')::uuid, (p ->> 'individualId')::uuid,
       (p ->> 'addedAt')::timestamptz, (p ->> 'addedByIndividualId')::uuid
  FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p, global_index FROM domain_event_entry
         WHERE payload_type = 'dev.custos.events.directory.CircleMemberAdded') AS added
 ORDER BY global_index;

-- A role assignment's circle is the circle of its own tenant.
ALTER TABLE cc_circle_members ADD FOREIGN KEY (tenant_id, circle_id) REFERENCES cc_circles (tenant_id, id);
ALTER TABLE cc_operator_role_assignments
    ADD FOREIGN KEY (tenant_id, circle_id) REFERENCES cc_circles (tenant_id, id);

ALTER TABLE cc_circles FORCE ROW LEVEL SECURITY;
ALTER TABLE cc_circle_members FORCE ROW LEVEL SECURITY;
ALTER TABLE cc_operator_role_assignments FORCE ROW LEVEL SECURITY;
