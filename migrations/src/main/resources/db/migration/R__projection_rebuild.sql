-- The projection rebuild's gate and its every-tenant switch. ProjectionRebuild empties the read tables and replays
-- every stored event in one transaction as custos_app: every append to the event store takes the gate's advisory
-- lock shared (through the trigger on domain_event_entry), a rebuild takes it exclusively first, so a rebuild starts
-- only once every appending transaction has ended and a command that appends meanwhile waits at its append. Row-level
-- security keeps custos_app to one tenant; the rebuild's own statements about every tenant say so with a
-- transaction-local setting that the app_rebuild_ policies read.

CREATE OR REPLACE FUNCTION custos_projection_rebuild_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT hashtextextended('custos:projection-rebuild', 0) $$;

CREATE OR REPLACE FUNCTION custos_projection_gate() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(custos_projection_rebuild_key());
    RETURN NULL;
END
$$;

-- Starts a rebuild in the calling transaction: waits at the gate, and holds it until the transaction ends.
CREATE OR REPLACE FUNCTION custos_begin_projection_rebuild() RETURNS void
    LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(custos_projection_rebuild_key()) $$;
REVOKE EXECUTE ON FUNCTION custos_begin_projection_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_begin_projection_rebuild() TO custos_app;

CREATE OR REPLACE FUNCTION custos_rebuild_every_tenant() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.rebuild_every_tenant', true) = 'on', false) $$;
