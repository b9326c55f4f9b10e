package dev.custos.api.insurance;

import java.time.Instant;
import java.util.UUID;

import dev.custos.command.insurance.ClaimDossier;

/** A dossier as the contract shows it: {@code dossier_json} byte for byte as {@code dossier_sha256} hashed it. */
public record DossierAnswer(UUID id, UUID claimId, String dossierJson, String dossierSha256, Instant assembledAt) {

    static DossierAnswer of(ClaimDossier dossier) {
        return new DossierAnswer(dossier.id(), dossier.claimId(), dossier.dossierJson(), dossier.dossierSha256(),
                dossier.assembledAt());
    }
}
