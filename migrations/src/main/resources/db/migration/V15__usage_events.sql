-- Issue 10: usage events (the seed's "monetization events"). Every billable operator action (a record pack, a
-- dossier assembly, every export and every share) leaves one row, keyed by its action id, written from the action's
-- metadata in the command's own transaction by the same projection that writes its audit row.
CREATE TABLE cc_usage_events (
    id                     uuid        PRIMARY KEY,
    tenant_id              uuid        NOT NULL,
    circle_id              uuid,
    operator_individual_id uuid,
    action_key             text        NOT NULL,
    subject_type           text        NOT NULL,
    subject_id             uuid,
    occurred_at            timestamptz NOT NULL
);
CREATE INDEX cc_usage_events_tenant_time ON cc_usage_events (tenant_id, occurred_at);

SELECT custos_protect_tenant_table('cc_usage_events');

-- Usage is a tenant's bill: it is read whole by the tenant's platform operators, like the tenant's settings.
CREATE POLICY reader_tenant ON cc_usage_events FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());

-- Like the audit log, usage is append-only: what was billed stays billed.
REVOKE UPDATE ON cc_usage_events FROM custos_app;
CREATE TRIGGER cc_usage_events_refuse_update_delete
    BEFORE UPDATE OR DELETE ON cc_usage_events
    FOR EACH ROW EXECUTE FUNCTION custos_refuse_change();
CREATE TRIGGER cc_usage_events_refuse_truncate
    BEFORE TRUNCATE ON cc_usage_events
    FOR EACH STATEMENT EXECUTE FUNCTION custos_refuse_change();
ALTER TABLE cc_usage_events ENABLE ALWAYS TRIGGER cc_usage_events_refuse_update_delete;
ALTER TABLE cc_usage_events ENABLE ALWAYS TRIGGER cc_usage_events_refuse_truncate;
