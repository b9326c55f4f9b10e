package dev.custos.api.directory;

import java.util.UUID;

/** A membership that was just created; {@code circle_id} is null for tenant membership. */
public record MemberResponse(UUID tenantId, UUID circleId, UUID individualId, String displayName) {
}
