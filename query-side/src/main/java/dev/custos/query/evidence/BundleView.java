package dev.custos.query.evidence;

import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import dev.custos.query.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bundle, its members in the order they were given, and its manifest once sealed. */
public record BundleView(
        UUID id,
        String title,
        @OneOf({"open", "sealed"}) String status,
        List<UUID> evidenceIds,
        @Nullable String manifestJson,
        @Nullable String manifestSha256,
        @Nullable Instant sealedAt,
        Instant createdAt) {

    /** The status of a bundle just created: its manifest is not fixed yet. */
    public static final String OPEN = "open";

    /** The row {@link EvidenceProjection} writes for this creation, as it reads back: an answer without a read. */
    public static BundleView created(EvidenceBundleCreated event) {
        return new BundleView(
                event.bundleId(),
                event.title(),
                OPEN,
                event.evidenceIds(),
                null,
                null,
                null,
                Timestamps.asStored(event.createdAt()));
    }
}
