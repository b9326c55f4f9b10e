-- An aggregate's lock, and the last sequence the event store holds for it, in one round trip. The lock is a
-- transaction advisory lock: held until the command's transaction ends, shared by every instance on this database.
-- The sequence is read after the lock is granted, by a query of its own: a VOLATILE function takes a fresh snapshot
-- for each query, so a stream another instance committed while this one waited is seen. The caller compares it with
-- the aggregate it has cached and reads the store again when they differ (AggregateLocks). Invoker rights: it reads
-- what its caller, custos_app, may read.

CREATE OR REPLACE FUNCTION custos_lock_aggregate(p_aggregate_id text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('aggregate:' || p_aggregate_id, 0));
    RETURN (SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = p_aggregate_id);
END
$$;
REVOKE EXECUTE ON FUNCTION custos_lock_aggregate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION custos_lock_aggregate(text) TO custos_app;
