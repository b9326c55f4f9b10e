package dev.custos.api.dispute;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.events.custody.CustodyType;

/** {@code POST /api/disputes/{id}/materials}: evidence, a sealed bundle or a claim dossier of the tenant. */
public record AddMaterialRequest(
        @NotNull @Size(max = 32)
        @Pattern(regexp = CustodyType.MATERIAL, message = "must be one of " + CustodyType.MATERIAL) String materialType,
        @NotNull UUID materialId) {
}
