package dev.custos.api.directory;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/circles}. */
public record CreateCircleRequest(UUID circleId, @NotBlank @Size(max = 200) String name) {
}
