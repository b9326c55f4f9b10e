package dev.custos.api.authority;

import dev.custos.api.support.Multiline;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of the token and grant revocations. */
public record RevokeRequest(
        @NotBlank @Multiline @Size(max = 2000) String reason) {}
