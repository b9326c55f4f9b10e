package dev.custos.api.authority;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.Multiline;
import dev.custos.events.custody.CustodyType;

/** {@code POST /api/authority/grants/{id}/scopes}: a type the custody catalogue says can be shared. */
public record AddScopeRequest(
        @NotNull @Pattern(regexp = CustodyType.SCOPABLE, message = "must be one of " + CustodyType.SCOPABLE)
        @Size(max = 32) String scopeType,
        @NotNull UUID scopeId,
        @Size(max = 200) String label,
        @Multiline @Size(max = 2000) String notes) {
}
