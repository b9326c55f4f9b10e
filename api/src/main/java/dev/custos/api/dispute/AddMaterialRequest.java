package dev.custos.api.dispute;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/disputes/{id}/materials}: evidence, a sealed bundle or a claim dossier of the tenant. */
public record AddMaterialRequest(
        @NotNull @Size(max = 32) @Pattern(regexp = "evidence_object|evidence_bundle|claim_dossier",
                message = "must be one of evidence_object, evidence_bundle, claim_dossier") String materialType,
        @NotNull UUID materialId) {
}
