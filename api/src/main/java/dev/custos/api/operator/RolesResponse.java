package dev.custos.api.operator;

import java.util.List;

import dev.custos.query.operator.OperatorRoleView;

/** {@code GET /api/operator/roles}: the tenant's roles and its assignments, newest first. */
public record RolesResponse(List<OperatorRoleView> roles, List<AssignmentResponse> assignments) {
}
