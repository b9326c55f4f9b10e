package dev.custos.api.directory;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tenants/members} and {@code POST /api/circles/{id}/members} (which ignores the name). */
public record AddMemberRequest(@NotNull UUID individualId, @Size(max = 200) String displayName) {
}
