package dev.custos.command.authority;

import dev.custos.command.Reach;
import java.time.Instant;
import java.util.UUID;

/** Create a share. {@code passcodeHash} is already an argon2id hash: the passcode never enters the write model. */
public record CreateAuthorityGrant(
        UUID grantId,
        UUID tenantId,
        UUID circleId,
        UUID portalId,
        String grantType,
        String title,
        String description,
        Instant expiresAt,
        Integer maxViews,
        boolean requirePasscode,
        String passcodeHash,
        boolean allowUnsealed,
        String clientRequestId,
        UUID requestedBy,
        int maxLifetimeDays,
        Reach reach) {

    /** The hash is a secret: a command printed in a log line or an error shows only whether there is one. */
    @Override
    public String toString() {
        return "CreateAuthorityGrant[grantId=" + grantId + ", tenantId=" + tenantId + ", circleId=" + circleId
                + ", grantType=" + grantType + ", requirePasscode=" + requirePasscode + ", passcodeHash="
                + (passcodeHash == null ? "null" : "(hidden)") + ", clientRequestId=" + clientRequestId + "]";
    }
}
