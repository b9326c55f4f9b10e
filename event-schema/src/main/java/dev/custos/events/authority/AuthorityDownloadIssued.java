package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reader was given a 60-second signed download link for one in-scope evidence object. The link itself is never recorded. */
@Revision("1")
public record AuthorityDownloadIssued(
        UUID tenantId,
        UUID grantId,
        UUID tokenId,
        UUID evidenceId,
        String ip,
        String userAgent,
        String path,
        Instant at) {}
