package dev.custos.command.evidence;

import java.time.Instant;

/** A sealed bundle's manifest, exactly as recorded, with its hash. */
public record SealedBundle(String manifestJson, String manifestSha256, Instant sealedAt) {}
