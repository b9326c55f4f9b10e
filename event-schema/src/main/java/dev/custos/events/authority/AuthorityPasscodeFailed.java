package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reader gave a wrong passcode for a known token. */
@Revision("1")
public record AuthorityPasscodeFailed(
        UUID tenantId, UUID grantId, UUID tokenId, String ip, String userAgent, String path, Instant at) {}
