package dev.custos.command.authority;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Log an access within a session: a read, a download link, a rate limit, or a refusal. */
public record RecordPortalAccess(@TargetAggregateIdentifier UUID tokenId, UUID tenantId, Kind kind,
                                 UUID evidenceId, Visit visit) {

    /** What happened. */
    public enum Kind { READ, DOWNLOAD, RATE_LIMITED, DENIED }
}
