package dev.custos.command.authority;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A reader presents a token (and maybe a passcode) for a session. The lookup and the passcode check happened
 * outside; the token decides, so that views are counted exactly once each, however many readers race.
 */
public record ExchangeAuthorityToken(
        @TargetAggregateIdentifier UUID tokenId, UUID tenantId, boolean grantActive, Passcode passcode, Visit visit) {

    /** What the passcode check found. */
    public enum Passcode {
        NOT_REQUIRED,
        CORRECT,
        MISSING,
        WRONG
    }
}
