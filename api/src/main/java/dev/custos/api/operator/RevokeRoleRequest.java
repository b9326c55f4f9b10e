package dev.custos.api.operator;

import dev.custos.api.support.Multiline;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/operator/roles/assignments/{id}/revoke}. */
public record RevokeRoleRequest(@NotBlank @Multiline @Size(max = 2000) String reason) {
}
