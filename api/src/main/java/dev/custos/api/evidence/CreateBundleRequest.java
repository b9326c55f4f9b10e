package dev.custos.api.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.custos.api.access.InCircle;

/**
 * {@code POST /api/evidence/bundles}. The bundle belongs to {@code circle_id}, else to the request's circle, else to
 * the whole tenant; its members must be tenant-wide or of that circle.
 */
public record CreateBundleRequest(@NotBlank @Size(max = 200) String title,
                                  @NotEmpty @Size(max = 1000) List<@NotNull UUID> evidenceIds,
                                  UUID circleId) implements InCircle {
}
