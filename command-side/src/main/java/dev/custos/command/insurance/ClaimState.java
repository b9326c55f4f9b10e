package dev.custos.command.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as its last command left it, so that the caller's answer needs no read of the projection. */
public record ClaimState(
        UUID id,
        UUID circleId,
        String claimNumber,
        String policyRef,
        LocalDate lossDate,
        String title,
        Instant openedAt,
        UUID openedByIndividualId) {}
