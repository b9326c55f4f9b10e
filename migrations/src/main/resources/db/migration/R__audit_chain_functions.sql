-- The audit chain's hold on the event store. Every event belongs to exactly one tenant's hash chain, so the database
-- itself fills each stored event's tenant (from the tenantId its payload names) and the id of the transaction that
-- stores it, and refuses an event that names no tenant: no event is left out of every chain, and the follower can
-- read only events whose transaction is older than every one still running, so a late commit never lands behind an
-- event already chained. The trigger that calls it is on domain_event_entry.

CREATE OR REPLACE FUNCTION custos_event_chain_fields() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.tenant_id := (convert_from(NEW.payload, 'UTF8')::jsonb ->> 'tenantId')::uuid;
    IF NEW.tenant_id IS NULL THEN
        RAISE EXCEPTION 'an event must name its tenant: % has no tenantId', NEW.payload_type
            USING ERRCODE = 'not_null_violation';
    END IF;
    NEW.tx_id := pg_current_xact_id();
    RETURN NEW;
END
$$;
