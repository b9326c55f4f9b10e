package dev.custos.api.directory;

/** The tenant's settings: for now, how long its grants and tokens may live at most. */
public record TenantSettingsResponse(int maxGrantLifetimeDays) {
}
