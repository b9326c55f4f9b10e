package dev.custos.command.authority;

import dev.custos.command.CommandRefused;
import dev.custos.command.authority.ExchangeAuthorityToken.Passcode;
import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityPasscodeFailed;
import dev.custos.events.authority.AuthorityTokenExpired;
import dev.custos.events.authority.AuthorityTokenIssued;
import dev.custos.events.authority.AuthorityTokenRevoked;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorityTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant GRANT_END = NOW.plusSeconds(3600);
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID GRANT = UUID.randomUUID();
    private static final UUID TOKEN = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final String HASH = "a".repeat(64);
    private static final Visit VISIT = new Visit("203.0.113.7", "curl", "/p/authority/session");

    private FixtureConfiguration<AuthorityToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuthorityToken.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private AuthorityTokenIssued issued(Instant expiresAt, Integer maxViews) {
        return new AuthorityTokenIssued(TENANT, GRANT, TOKEN, HASH, expiresAt, maxViews, null, NOW, OPERATOR);
    }

    private ExchangeAuthorityToken exchange(Passcode passcode) {
        return new ExchangeAuthorityToken(TOKEN, TENANT, true, passcode, VISIT);
    }

    private AuthorityAccessAllowed view(int number) {
        return new AuthorityAccessAllowed(
                TENANT, GRANT, TOKEN, true, number, VISIT.ip(), VISIT.userAgent(), VISIT.path(), NOW);
    }

    private AuthorityAccessDenied denied(String reason) {
        return new AuthorityAccessDenied(
                TENANT, GRANT, TOKEN, reason, VISIT.ip(), VISIT.userAgent(), VISIT.path(), NOW);
    }

    @Test
    void aTokenNeverOutlivesItsGrant() {
        fixture.givenNoPriorActivity()
                .when(new IssueAuthorityToken(
                        TOKEN, TENANT, GRANT, HASH, GRANT_END, GRANT_END.plusSeconds(60), 3, true, null, OPERATOR, 90))
                .expectEvents(issued(GRANT_END, 3))
                .expectResultMessagePayload(GRANT_END);
        Instant sooner = NOW.plusSeconds(60);
        fixture.givenNoPriorActivity()
                .when(new IssueAuthorityToken(
                        TOKEN, TENANT, GRANT, HASH, GRANT_END, sooner, 3, true, null, OPERATOR, 90))
                .expectEvents(issued(sooner, 3))
                .expectResultMessagePayload(sooner);
    }

    @Test
    void aTokenAskedToOutliveTheTenantsLimitIsRefusedAndADefaultOneIsCut() {
        Instant farGrantEnd = NOW.plus(java.time.Duration.ofDays(400));
        fixture.givenNoPriorActivity()
                .when(new IssueAuthorityToken(
                        TOKEN,
                        TENANT,
                        GRANT,
                        HASH,
                        farGrantEnd,
                        NOW.plus(java.time.Duration.ofDays(31)),
                        null,
                        true,
                        null,
                        OPERATOR,
                        30))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("expires_at is later than the tenant's maximum grant lifetime of 30 days")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new IssueAuthorityToken(
                        TOKEN, TENANT, GRANT, HASH, farGrantEnd, null, null, true, null, OPERATOR, 30))
                .expectEvents(issued(NOW.plus(java.time.Duration.ofDays(30)), null));
    }

    @Test
    void anInactiveGrantIssuesNoTokens() {
        fixture.givenNoPriorActivity()
                .when(new IssueAuthorityToken(
                        TOKEN, TENANT, GRANT, HASH, GRANT_END, null, null, false, null, OPERATOR, 90))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aValidTokenCountsAView() {
        fixture.given(issued(GRANT_END, 2))
                .when(exchange(Passcode.NOT_REQUIRED))
                .expectEvents(view(1))
                .expectResultMessagePayload(Exchange.allowed(GRANT_END));
    }

    @Test
    void exactlyMaxViewsSucceed() {
        fixture.given(issued(GRANT_END, 2), view(1), view(2))
                .when(exchange(Passcode.NOT_REQUIRED))
                .expectEvents(denied("exhausted"));
    }

    @Test
    void aWrongPasscodeIsRecordedAndRefused() {
        fixture.given(issued(GRANT_END, 2))
                .when(exchange(Passcode.WRONG))
                .expectEvents(new AuthorityPasscodeFailed(
                        TENANT, GRANT, TOKEN, VISIT.ip(), VISIT.userAgent(), VISIT.path(), NOW));
    }

    @Test
    void aMissingPasscodeIsRefused() {
        fixture.given(issued(GRANT_END, 2)).when(exchange(Passcode.MISSING)).expectEvents(denied("passcode_required"));
    }

    @Test
    void anExpiredTokenIsMarkedExpiredOnAccess() {
        fixture.given(issued(NOW.minusSeconds(1), null))
                .when(exchange(Passcode.NOT_REQUIRED))
                .expectEvents(new AuthorityTokenExpired(TENANT, GRANT, TOKEN, NOW), denied("expired"));
    }

    @Test
    void aRevokedTokenOrGrantIsRefused() {
        AuthorityTokenRevoked revoked = new AuthorityTokenRevoked(TENANT, GRANT, TOKEN, "leak", NOW, OPERATOR);
        fixture.given(issued(GRANT_END, null), revoked)
                .when(exchange(Passcode.NOT_REQUIRED))
                .expectEvents(denied("revoked"));
        fixture.given(issued(GRANT_END, null))
                .when(new ExchangeAuthorityToken(TOKEN, TENANT, false, Passcode.NOT_REQUIRED, VISIT))
                .expectEvents(denied("grant_inactive"));
    }

    @Test
    void revokingTwiceIsAConflict() {
        fixture.given(issued(GRANT_END, null), new AuthorityTokenRevoked(TENANT, GRANT, TOKEN, "x", NOW, OPERATOR))
                .when(new RevokeAuthorityToken(TOKEN, TENANT, "again", OPERATOR))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }
}
