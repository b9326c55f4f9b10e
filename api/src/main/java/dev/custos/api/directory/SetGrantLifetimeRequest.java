package dev.custos.api.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.custos.command.authority.GrantLifetime;

/** {@code POST /api/tenants/settings/grant-lifetime}. */
public record SetGrantLifetimeRequest(@NotNull @Min(1) @Max(GrantLifetime.MAX_DAYS) Integer maxGrantLifetimeDays) {
}
