package dev.custos.api.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of the token and grant revocations. */
public record RevokeRequest(@NotBlank @Size(max = 2000) String reason) {
}
