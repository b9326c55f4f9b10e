package dev.custos.command.dispute;

import java.util.UUID;

/** A recorded defense pack, as the contract answers it. */
public record DefensePack(UUID id, UUID disputeId, UUID bundleId, String packSha256) {}
