package dev.custos.api.operator;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.InCircle;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.support.Multiline;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.wire.OneOf;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

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
            .body(AssignRoleRequest.class)
            .creating()
            .audited("role_assign", ASSIGNMENT);

    static final ActionSpec<RevokeRoleRequest> REVOKE = ActionSpec.post(
                    "/api/operator/roles/assignments/{id}/revoke", PLATFORM)
            .on(ObjectKind.ROLE_ASSIGNMENT)
            .body(RevokeRoleRequest.class)
            .audited("role_revoke", ASSIGNMENT);

    static final ActionSpec<NoBody> LIST_EVENTS = ActionSpec.get("/api/operator/events", PLATFORM);

    static final List<ActionSpec<?>> ALL = List.of(LIST_ROLES, ASSIGN, REVOKE, LIST_EVENTS);

    private RoleActions() {}

    /** {@code POST /api/operator/roles/assign}. */
    public record AssignRoleRequest(
            @NotBlank
            @Pattern(
                    regexp = "emergency_operator|legal_operator|insurance_operator|platform_operator",
                    message = "must be one of emergency_operator, legal_operator, insurance_operator, "
                            + "platform_operator")
            @Size(max = 32)
            @OneOf(keysOf = OperatorRoleKey.class)
            String roleKey,

            @NotNull UUID individualId,
            UUID circleId)
            implements InCircle {}

    /** {@code POST /api/operator/roles/assignments/{id}/revoke}. */
    public record RevokeRoleRequest(
            @NotBlank @Multiline @Size(max = 2000) String reason) {}
}
