package dev.custos.api.legal;

import jakarta.validation.constraints.Size;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /api/operator/legal/holds/{id}/targets}. */
public record AddTargetRequest(
        @NotNull @Pattern(regexp = "evidence_object|evidence_bundle|claim|claim_dossier|emergency_run|dispute",
                message = "must be one of evidence_object, evidence_bundle, claim, claim_dossier, emergency_run, "
                        + "dispute") @Size(max = 32) String targetType,
        @NotNull UUID targetId) {
}
