package dev.custos.query.insurance;

import dev.custos.events.wire.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as the read model holds it, with how many evidence objects and dossiers it has. */
public record ClaimView(
        UUID id,
        @Nullable UUID circleId,
        String claimNumber,
        String policyRef,
        LocalDate lossDate,
        String title,
        Instant openedAt,
        UUID openedByIndividualId,
        long evidenceCount,
        long dossierCount) {}
