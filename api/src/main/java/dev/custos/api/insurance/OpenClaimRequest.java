package dev.custos.api.insurance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.custos.api.access.InCircle;

/** {@code POST /api/insurance/claims}: {@code loss_date} is an ISO-8601 date, such as 2026-11-20. */
public record OpenClaimRequest(
        @NotBlank @Size(max = 100) String claimNumber,
        @NotBlank @Size(max = 100) String policyRef,
        @NotNull LocalDate lossDate,
        @NotBlank @Size(max = 200) String title,
        UUID circleId) implements InCircle {
}
