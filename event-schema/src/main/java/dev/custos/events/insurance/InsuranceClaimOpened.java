package dev.custos.events.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An insurance operator opened a claim, tenant-wide (circleId null) or in one circle. */
@Revision("1")
public record InsuranceClaimOpened(
        UUID tenantId,
        UUID claimId,
        UUID circleId,
        String claimNumber,
        String policyRef,
        LocalDate lossDate,
        String title,
        Instant openedAt,
        UUID openedByIndividualId) {}
