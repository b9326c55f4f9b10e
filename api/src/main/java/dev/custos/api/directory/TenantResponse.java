package dev.custos.api.directory;

import java.util.UUID;

/** A created tenant. */
public record TenantResponse(UUID tenantId, String name) {
}
