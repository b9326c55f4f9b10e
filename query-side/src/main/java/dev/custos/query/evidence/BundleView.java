package dev.custos.query.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bundle, its members in the order they were given, and its manifest once sealed. */
public record BundleView(
        UUID id,
        String title,
        String status,
        List<UUID> evidenceIds,
        String manifestJson,
        String manifestSha256,
        Instant sealedAt,
        Instant createdAt) {
}
