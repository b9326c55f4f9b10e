package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The stored blob was read back and hashed again. When {@code intact} is false the object's chain status becomes
 * {@code integrity_failed} and stays so: a failed check is evidence too.
 */
@Revision("1")
public record EvidenceIntegrityChecked(
        UUID tenantId,
        UUID evidenceId,
        String expectedSha256,
        String computedSha256,
        boolean intact,
        Instant checkedAt,
        UUID checkedByIndividualId) {}
