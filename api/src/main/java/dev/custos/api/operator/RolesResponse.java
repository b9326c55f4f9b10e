package dev.custos.api.operator;

import java.util.List;

import dev.custos.query.operator.OperatorRoleView;
import dev.custos.query.operator.RoleAssignmentView;

/** {@code GET /api/operator/roles}: the tenant's roles and its assignments, newest first. */
public record RolesResponse(List<OperatorRoleView> roles, List<RoleAssignmentView> assignments) {
}
