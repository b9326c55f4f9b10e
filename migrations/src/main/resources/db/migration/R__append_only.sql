-- The append-only rule: the event store, the operator audit log, the access log, usage and the audit chain's tables
-- are never changed or emptied, by anyone, the owner included. Their triggers (created with each table, and enabled
-- ALWAYS so that session_replication_role = replica cannot slip past them) call this function, which refuses.

CREATE OR REPLACE FUNCTION custos_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
