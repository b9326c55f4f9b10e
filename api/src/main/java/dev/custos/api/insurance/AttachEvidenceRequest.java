package dev.custos.api.insurance;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code POST /api/insurance/claims/{id}/evidence}. */
public record AttachEvidenceRequest(@NotNull UUID evidenceId) {
}
