package dev.custos.api.operator;

import dev.custos.api.access.InCircle;
import jakarta.validation.constraints.Size;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/operator/roles/assign}. */
public record AssignRoleRequest(
        @NotBlank @Pattern(regexp = "emergency_operator|legal_operator|insurance_operator|platform_operator",
                message = "must be one of emergency_operator, legal_operator, insurance_operator, platform_operator")
        @Size(max = 32) String roleKey,
        @NotNull UUID individualId,
        UUID circleId) implements InCircle {
}
