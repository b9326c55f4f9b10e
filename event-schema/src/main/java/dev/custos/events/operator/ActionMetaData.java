package dev.custos.events.operator;

import java.util.List;

/**
 * The metadata an operator action puts on every command it sends, and that Axon copies onto every event those
 * commands apply. The audit log is built from it: one {@code cc_operator_events} row per action id, so an action
 * of several commands is still one row, and an event says what happened, never what the audit calls it.
 */
public final class ActionMetaData {

    /** One id per operator action; the audit row's id. */
    public static final String ACTION_ID = "custos_action_id";
    /** The audit action key ({@code hold_create}); absent when the action is not audited. */
    public static final String ACTION_KEY = "custos_action_key";

    public static final String TENANT_ID = "custos_action_tenant_id";
    /** The circle the action was scoped to; absent for a tenant-wide action. */
    public static final String CIRCLE_ID = "custos_action_circle_id";

    public static final String OPERATOR_ID = "custos_action_operator_id";
    public static final String SUBJECT_TYPE = "custos_action_subject_type";
    public static final String SUBJECT_ID = "custos_action_subject_id";
    /** Present ({@code "true"}) when the action is billable: it also records a usage event. */
    public static final String BILLABLE = "custos_action_billable";

    /**
     * When the action happened, for an event stored before actions carried metadata (set by the upcaster from the
     * event's own time); absent otherwise, where the event's timestamp says it.
     */
    public static final String OCCURRED_AT = "custos_action_occurred_at";

    /** Every key, for the correlation provider that copies them from a command onto its events. */
    public static final List<String> KEYS =
            List.of(ACTION_ID, ACTION_KEY, TENANT_ID, CIRCLE_ID, OPERATOR_ID, SUBJECT_TYPE, SUBJECT_ID, BILLABLE);

    private ActionMetaData() {}
}
