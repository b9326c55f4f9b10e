package dev.custos.events.dispute;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Material of the tenant now belongs to the dispute: an evidence object, a sealed bundle or a claim dossier. Every
 * defense pack assembled from now on carries its evidence. (Evidence uploaded with {@code x-dispute-id} is the
 * dispute's from its capture on, and needs no such event.)
 */
@Revision("1")
public record DisputeMaterialAdded(
        UUID tenantId,
        UUID disputeId,
        UUID circleId,
        String materialType,
        UUID materialId,
        Instant addedAt,
        UUID addedByIndividualId) {}
