package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A bundle was sealed. {@code manifestJson} is canonical JSON (see {@code CanonicalJson}) and
 * {@code manifestSha256} is the SHA-256 of exactly its UTF-8 bytes, so anyone holding the manifest can check it.
 */
@Revision("1")
public record EvidenceBundleSealed(
        UUID tenantId,
        UUID bundleId,
        String manifestJson,
        String manifestSha256,
        Instant sealedAt,
        UUID sealedByIndividualId) {}
