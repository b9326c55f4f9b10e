package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reader was let in: a session exchange (which counts a view) or a read within a session. */
@Revision("1")
public record AuthorityAccessAllowed(
        UUID tenantId,
        UUID grantId,
        UUID tokenId,
        boolean viewCounted,
        int viewNumber,
        String ip,
        String userAgent,
        String path,
        Instant at) {}
