package dev.custos.events.operator;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator exported a pack (a claim dossier, a defense pack) as a stored archive: which pack, the export's id,
 * format, size and the SHA-256 of the stored bytes, as written. It belongs to no aggregate, like a view: nothing
 * about the pack changes, but the archive exists from now on and is billed, so it is on record with its bytes' hash.
 * The storage key and the download link are not recorded: the link is a bearer credential.
 */
@Revision("1")
public record PackExported(
        UUID tenantId,
        UUID circleId,
        String packType,
        UUID packId,
        UUID exportId,
        String format,
        long bytes,
        String sha256,
        Instant exportedAt,
        UUID exportedByIndividualId) {}
