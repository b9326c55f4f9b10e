package dev.custos.query.dispute;

import java.time.Instant;
import java.util.UUID;

/** A defense pack: the sealed bundle of its dispute's evidence, and that bundle's manifest sha256. */
public record DefensePackView(
        UUID id,
        UUID disputeId,
        UUID circleId,
        UUID bundleId,
        String packSha256,
        int evidenceCount,
        Instant assembledAt) {}
