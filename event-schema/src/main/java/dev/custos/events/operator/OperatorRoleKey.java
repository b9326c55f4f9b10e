package dev.custos.events.operator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The four operator roles every tenant has. The keys are stored in events: never rename one. */
public enum OperatorRoleKey {
    EMERGENCY_OPERATOR(
            "emergency_operator",
            "Emergency operator",
            "Runs emergencies: starts and resolves runs, grants scopes, generates record packs, shares with authorities."),
    LEGAL_OPERATOR(
            "legal_operator",
            "Legal operator",
            "Places and releases legal holds, assembles, exports and shares dispute defense packs."),
    INSURANCE_OPERATOR(
            "insurance_operator",
            "Insurance operator",
            "Assembles claim dossiers, exports them and shares them with adjusters."),
    PLATFORM_OPERATOR(
            "platform_operator",
            "Platform operator",
            "Manages the tenant's directory, assigns and revokes operator roles, reads the audit log.");

    private final String key;
    private final String title;
    private final String description;

    OperatorRoleKey(String key, String title, String description) {
        this.key = key;
        this.title = title;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static Optional<OperatorRoleKey> fromKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }

    /**
     * The id of this role in a tenant. It is derived rather than random so that replaying {@code TenantCreated}
     * seeds identical rows; the derivation is part of the event schema and must never change.
     */
    public UUID roleIdIn(UUID tenantId) {
        return UUID.nameUUIDFromBytes(
                ("custos:operator-role:" + tenantId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
