package dev.custos.api.legal;

import dev.custos.api.access.InCircle;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.Multiline;

/** {@code POST /api/operator/legal/holds}. */
public record PlaceHoldRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Multiline @Size(max = 4000) String reason,
                               Boolean restrictSharing, UUID circleId) implements InCircle {
}
