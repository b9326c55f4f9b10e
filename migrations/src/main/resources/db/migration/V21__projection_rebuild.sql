-- Issue 11: the replay proof. ProjectionRebuild (query-side) empties the read tables and feeds every stored event
-- through the synchronous projections again, in one transaction as custos_app. This migration gives it what it needs
-- and nothing more; dev.custos.query.rebuild.ProjectionTables is the one list of the tables, and ProjectionTablesTest
-- checks this file against it.

-- The gate. Every append to the event store takes this advisory lock shared, for the rest of its transaction; a
-- rebuild takes it exclusively first. So the rebuild starts only once every transaction that has appended events has
-- ended, and a command that appends while it runs waits at its append, before its projections write anything: its
-- events are not in the rebuild's read and its rows are written once, by itself, after the rebuild has committed.
CREATE FUNCTION custos_projection_rebuild_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT hashtextextended('custos:projection-rebuild', 0) $$;

CREATE FUNCTION custos_projection_gate() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(custos_projection_rebuild_key());
    RETURN NULL;
END
$$;
CREATE TRIGGER domain_event_entry_projection_gate
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION custos_projection_gate();

-- Starts a rebuild in the calling transaction: waits at the gate, and holds it until the transaction ends.
CREATE FUNCTION custos_begin_projection_rebuild() RETURNS void
    LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(custos_projection_rebuild_key()) $$;
REVOKE EXECUTE ON FUNCTION custos_begin_projection_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_begin_projection_rebuild() TO custos_app;

-- Row-level security confines custos_app to one tenant, a guard against a mis-scoped statement. Emptying and counting
-- the read tables are the rebuild's statements about every tenant, and it says so for each of them with this
-- transaction-local setting, which it clears again before the projections run (they see one tenant, as always).
CREATE FUNCTION custos_rebuild_every_tenant() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.rebuild_every_tenant', true) = 'on', false) $$;

-- The tables a rebuild empties and writes again: DELETE (not TRUNCATE, which is not MVCC-safe: a reader whose
-- snapshot predates the rebuild's commit would find them empty, and an empty hold table means "not held").
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'cc_claim_dossier_evidence', 'cc_claim_dossiers', 'cc_claim_evidence', 'cc_insurance_claims',
        'cc_defense_packs', 'cc_dispute_materials', 'cc_disputes',
        'cc_emergency_run_captures', 'cc_emergency_run_record_packs', 'cc_emergency_run_scope_grants',
        'cc_emergency_runs',
        'cc_authority_access_scopes', 'cc_authority_access_tokens', 'cc_authority_access_grants',
        'cc_legal_hold_targets', 'cc_legal_holds',
        'cc_evidence_bundle_members', 'cc_evidence_bundles', 'cc_evidence_objects',
        'cc_operator_role_assignments', 'cc_operator_roles',
        'cc_circle_members', 'cc_circles', 'cc_tenant_members', 'cc_tenants'] LOOP
        EXECUTE format('GRANT DELETE ON %I TO custos_app', t);
        EXECUTE format('CREATE POLICY app_rebuild_delete ON %I FOR DELETE TO custos_app '
                       'USING (custos_rebuild_every_tenant())', t);
        EXECUTE format('CREATE POLICY app_rebuild_count ON %I FOR SELECT TO custos_app '
                       'USING (custos_rebuild_every_tenant())', t);
    END LOOP;
    -- The append-only records (audit, usage, access log) are never emptied: the replay offers each of their rows
    -- again and the insert keeps the one already there. The rebuild only counts them.
    FOREACH t IN ARRAY ARRAY['cc_operator_events', 'cc_usage_events', 'cc_authority_access_events'] LOOP
        EXECUTE format('CREATE POLICY app_rebuild_count ON %I FOR SELECT TO custos_app '
                       'USING (custos_rebuild_every_tenant())', t);
    END LOOP;
END
$$;
