package dev.custos.events.insurance;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An evidence object of the tenant now belongs to the claim, and every dossier assembled from now on lists it.
 * (Evidence uploaded with {@code x-claim-id} belongs to the claim from its capture on, and needs no such event.)
 */
@Revision("1")
public record ClaimEvidenceAttached(
        UUID tenantId, UUID claimId, UUID circleId, UUID evidenceId, Instant attachedAt, UUID attachedByIndividualId) {}
