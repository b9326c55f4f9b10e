package dev.custos.query.insurance;

import java.time.Instant;
import java.util.UUID;

/** An assembled dossier: {@code dossierJson} is served byte for byte as {@code dossierSha256} hashed it. */
public record DossierView(
        UUID id,
        UUID claimId,
        UUID circleId,
        String dossierJson,
        String dossierSha256,
        int evidenceCount,
        Instant assembledAt,
        UUID assembledByIndividualId) {}
