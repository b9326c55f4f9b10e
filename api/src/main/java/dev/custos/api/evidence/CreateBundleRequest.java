package dev.custos.api.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/evidence/bundles}. */
public record CreateBundleRequest(@NotBlank @Size(max = 200) String title,
                                  @NotEmpty @Size(max = 1000) List<@NotNull UUID> evidenceIds) {
}
