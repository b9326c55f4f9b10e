package dev.custos.events.insurance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A dossier of the claim was assembled: {@code dossierJson} is its canonical JSON, exactly as it is served, and
 * {@code dossierSha256} the SHA-256 of those bytes. It never changes; a later change to the claim needs a new
 * dossier. {@code evidenceIds} are the evidence objects it lists, so that the portal and holds can follow them.
 */
@Revision("1")
public record ClaimDossierAssembled(
        UUID tenantId,
        UUID claimId,
        UUID circleId,
        UUID dossierId,
        String dossierJson,
        String dossierSha256,
        List<UUID> evidenceIds,
        Instant assembledAt,
        UUID assembledByIndividualId) {}
