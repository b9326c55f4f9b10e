package dev.custos.api.legal;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.events.custody.CustodyType;

/** {@code POST /api/operator/legal/holds/{id}/targets}: a type the custody catalogue says can be held. */
public record AddTargetRequest(
        @NotNull @Pattern(regexp = CustodyType.HOLDABLE, message = "must be one of " + CustodyType.HOLDABLE)
        @Size(max = 32) String targetType,
        @NotNull UUID targetId) {
}
