package dev.custos.events.operator;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that records an operator's action. The operator audit log ({@code cc_operator_events}) is built from
 * exactly the events that implement this, one row per event, so an action that was refused (and so produced no
 * event) leaves no row.
 */
public interface OperatorAction {

    UUID tenantId();

    /** The circle the action was scoped to, or null for a tenant-wide action. */
    UUID circleId();

    UUID operatorIndividualId();

    /** The action key of the operator surface, for example {@code role_assign} or {@code hold_create}. */
    String actionKey();

    String subjectType();

    UUID subjectId();

    Instant occurredAt();
}
