package dev.custos.api.emergency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.Multiline;

/** {@code POST /api/operator/emergency/runs/{id}/resolve}. */
public record ResolveRunRequest(@NotBlank @Multiline @Size(max = 4000) String resolutionNote) {
}
