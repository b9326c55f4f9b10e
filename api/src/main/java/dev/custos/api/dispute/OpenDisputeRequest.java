package dev.custos.api.dispute;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.custos.api.access.InCircle;

/** {@code POST /api/disputes}. */
public record OpenDisputeRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String counterparty,
        UUID circleId) implements InCircle {
}
