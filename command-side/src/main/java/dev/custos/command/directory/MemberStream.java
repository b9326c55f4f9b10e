package dev.custos.command.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stream a tenant member's directory entry lives in: one per (tenant, individual), named from the pair, so that
 * a member's commands find it without a lookup, two members never share a lock, and the event store's unique
 * (aggregate, sequence) key makes a second "first event" of one member impossible.
 */
public final class MemberStream {

    private MemberStream() {}

    public static UUID of(UUID tenantId, UUID individualId) {
        return UUID.nameUUIDFromBytes(
                ("custos:tenant-member:" + tenantId + ":" + individualId).getBytes(StandardCharsets.UTF_8));
    }
}
