-- The operator audit log: one row per audited operator action, keyed by the id of the event that recorded
-- it, so replaying the event stream adds nothing twice. Rows are never changed or removed.
CREATE TABLE cc_operator_events (
    id                     uuid        PRIMARY KEY,
    tenant_id              uuid        NOT NULL,
    circle_id              uuid,
    operator_individual_id uuid,
    action_key             text        NOT NULL,
    subject_type           text,
    subject_id             uuid,
    occurred_at            timestamptz NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    payload                jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX cc_operator_events_tenant_time ON cc_operator_events (tenant_id, occurred_at DESC, id);
CREATE INDEX cc_operator_events_tenant_action ON cc_operator_events (tenant_id, action_key, occurred_at DESC);
CREATE INDEX cc_operator_events_tenant_subject ON cc_operator_events (tenant_id, subject_type, subject_id);
CREATE INDEX cc_operator_events_tenant_operator ON cc_operator_events (tenant_id, operator_individual_id);

CREATE TRIGGER cc_operator_events_refuse_update_delete
    BEFORE UPDATE OR DELETE ON cc_operator_events
    FOR EACH ROW EXECUTE FUNCTION custos_refuse_change();
CREATE TRIGGER cc_operator_events_refuse_truncate
    BEFORE TRUNCATE ON cc_operator_events
    FOR EACH STATEMENT EXECUTE FUNCTION custos_refuse_change();
ALTER TABLE cc_operator_events ENABLE ALWAYS TRIGGER cc_operator_events_refuse_update_delete;
ALTER TABLE cc_operator_events ENABLE ALWAYS TRIGGER cc_operator_events_refuse_truncate;

ALTER TABLE cc_operator_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc_operator_events FORCE ROW LEVEL SECURITY;
GRANT SELECT ON cc_operator_events TO custos_reader;
-- INSERT ... ON CONFLICT DO NOTHING needs SELECT to find the conflicting row; UPDATE and DELETE stay ungranted.
GRANT SELECT, INSERT ON cc_operator_events TO custos_app;
CREATE POLICY app_tenant ON cc_operator_events FOR ALL TO custos_app
    USING (tenant_id = custos_current_tenant())
    WITH CHECK (tenant_id = custos_current_tenant());
CREATE POLICY reader_tenant_circle ON cc_operator_events FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant() AND custos_circle_visible(tenant_id, circle_id));
