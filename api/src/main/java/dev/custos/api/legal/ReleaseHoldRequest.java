package dev.custos.api.legal;

import dev.custos.api.support.Multiline;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/operator/legal/holds/{id}/release}. */
public record ReleaseHoldRequest(@NotBlank @Multiline @Size(max = 4000) String reason) {
}
