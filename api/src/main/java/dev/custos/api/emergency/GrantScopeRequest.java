package dev.custos.api.emergency;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/operator/emergency/runs/{id}/grant-scope}: the grantee must be a member of the tenant. */
public record GrantScopeRequest(
        @NotNull UUID granteeIndividualId,
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,99}", message = "must be a lower-case key such as site_access")
        String scopeKey,
        Instant expiresAt) {
}
