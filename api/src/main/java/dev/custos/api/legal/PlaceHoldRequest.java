package dev.custos.api.legal;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/operator/legal/holds}. */
public record PlaceHoldRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String reason,
                               Boolean restrictSharing, UUID circleId) {
}
