package dev.custos.api.authority;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.Multiline;

/** {@code POST /api/authority/grants/{id}/scopes}. */
public record AddScopeRequest(
        @NotNull @Pattern(regexp = "evidence_bundle|claim|claim_dossier|evidence_object",
                message = "must be one of evidence_bundle, claim, claim_dossier, evidence_object") @Size(max = 32) String scopeType,
        @NotNull UUID scopeId,
        @Size(max = 200) String label,
        @Multiline @Size(max = 2000) String notes) {
}
