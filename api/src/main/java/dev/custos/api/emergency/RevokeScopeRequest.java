package dev.custos.api.emergency;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.Multiline;

/** {@code POST /api/operator/emergency/runs/{id}/revoke-scope}. */
public record RevokeScopeRequest(@NotNull UUID scopeGrantId, @NotBlank @Multiline @Size(max = 2000) String reason) {
}
