package dev.custos.api.directory;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tenants}. */
public record CreateTenantRequest(UUID tenantId, @NotBlank @Size(max = 200) String name,
                                  @NotNull UUID firstOperatorIndividualId) {
}
