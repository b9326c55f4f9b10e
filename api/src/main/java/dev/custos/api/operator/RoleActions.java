package dev.custos.api.operator;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import java.util.List;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.query.access.ObjectKind;

/** Role administration and the audit log, as the operator-action pipeline runs them. */
final class RoleActions {

    private static final RequiredRole PLATFORM = RequiredRole.of(PLATFORM_OPERATOR);
    private static final String ASSIGNMENT = "operator_role_assignment";

    static final ActionSpec<NoBody> LIST_ROLES = ActionSpec.get("/api/operator/roles", PLATFORM);

    /**
     * The assignment belongs to the circle the body names, else to the request's circle: a circle's platform
     * operator can only ever assign inside its own circle, never tenant-wide.
     */
    static final ActionSpec<AssignRoleRequest> ASSIGN = ActionSpec.post("/api/operator/roles/assign", PLATFORM)
            .body(AssignRoleRequest.class).creating().audited("role_assign", ASSIGNMENT);

    static final ActionSpec<RevokeRoleRequest> REVOKE = ActionSpec.post(
                    "/api/operator/roles/assignments/{id}/revoke", PLATFORM)
            .on(ObjectKind.ROLE_ASSIGNMENT).body(RevokeRoleRequest.class).audited("role_revoke", ASSIGNMENT);

    static final ActionSpec<NoBody> LIST_EVENTS = ActionSpec.get("/api/operator/events", PLATFORM);

    static final List<ActionSpec<?>> ALL = List.of(LIST_ROLES, ASSIGN, REVOKE, LIST_EVENTS);

    private RoleActions() {
    }
}
