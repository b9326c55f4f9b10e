package dev.custos.command.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.command.legal.StubHoldRegistry;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.authority.AuthorityGrantExpired;
import dev.custos.events.authority.AuthorityGrantRevoked;
import dev.custos.events.authority.AuthorityScopeAdded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorityGrantTest {

    /** A tenant-wide operator who is a member of no circle. */
    private static final Reach REACH = Reach.tenantWide(Set.of());

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(86_400);
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID GRANT = UUID.randomUUID();
    private static final UUID SCOPE = UUID.randomUUID();
    private static final UUID BUNDLE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final String HASH = "$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

    private FixtureConfiguration<AuthorityGrant> fixture;
    /** The hashes the aggregate kept, by grant: the table outside the event store, as a map. */
    private final Map<UUID, String> kept = new HashMap<>();

    private final PasscodeHashes passcodes = (tenant, grant, hash) -> {
        assertThat(tenant).isEqualTo(TENANT);
        kept.put(grant, hash);
    };
    private final StubHoldRegistry holds = new StubHoldRegistry();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuthorityGrant.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(passcodes);
        fixture.registerInjectableResource(holds);
    }

    private AuthorityGrantCreated created(boolean allowUnsealed) {
        return new AuthorityGrantCreated(
                TENANT,
                GRANT,
                null,
                null,
                "adjuster",
                "Claim 7",
                null,
                LATER,
                5,
                false,
                allowUnsealed,
                null,
                NOW,
                OPERATOR);
    }

    private CreateAuthorityGrant create(String type, Instant expiresAt, boolean requirePasscode, String hash) {
        return new CreateAuthorityGrant(
                GRANT,
                TENANT,
                null,
                null,
                type,
                "Claim 7",
                null,
                expiresAt,
                5,
                requirePasscode,
                hash,
                false,
                null,
                OPERATOR,
                90,
                REACH);
    }

    @Test
    void aGrantMayNotOutliveTheTenantsMaximumLifetime() {
        fixture.givenNoPriorActivity()
                .when(create("adjuster", NOW.plus(java.time.Duration.ofDays(91)), false, null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("expires_at is later than the tenant's maximum grant lifetime of 90 days")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(create("adjuster", NOW.plus(java.time.Duration.ofDays(90)), false, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void creatingAGrantRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(create("adjuster", LATER, false, null))
                .expectEvents(created(false))
                .expectResultMessagePayload(created(false));
    }

    @Test
    void aGrantMustExpireInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(create("adjuster", NOW, false, null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("expires_at must be in the future")
                .expectNoEvents();
    }

    @Test
    void anUnknownGrantTypeIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(create("friend", LATER, false, null))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aPasscodeIsRequiredExactlyWhenAsked() {
        fixture.givenNoPriorActivity()
                .when(create("adjuster", LATER, true, null))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(create("adjuster", LATER, false, HASH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        assertThat(kept).isEmpty();
    }

    @Test
    void aPasscodeHashIsKeptOutsideTheEvent() {
        AuthorityGrantCreated passcoded = new AuthorityGrantCreated(
                TENANT, GRANT, null, null, "adjuster", "Claim 7", null, LATER, 5, true, false, null, NOW, OPERATOR);
        fixture.givenNoPriorActivity()
                .when(create("adjuster", LATER, true, HASH))
                .expectEvents(passcoded);
        assertThat(kept).containsExactly(Map.entry(GRANT, HASH));
    }

    @Test
    void aCommandPrintedInALogLineDoesNotShowTheHash() {
        assertThat(create("adjuster", LATER, true, HASH).toString())
                .doesNotContain(HASH)
                .contains("passcodeHash=(hidden)");
    }

    @Test
    void aGrantWithoutPasscodeKeepsNoHash() {
        fixture.givenNoPriorActivity()
                .when(create("adjuster", LATER, false, null))
                .expectEvents(created(false));
        assertThat(kept).isEmpty();
    }

    @Test
    void aGrantPastItsExpiryTakesNoScopeEvenBeforeItsExpiryIsRecorded() {
        AuthorityGrantCreated lapsed = new AuthorityGrantCreated(
                TENANT,
                GRANT,
                null,
                null,
                "adjuster",
                "Claim 7",
                null,
                NOW,
                5,
                false,
                false,
                null,
                NOW.minusSeconds(3600),
                OPERATOR);
        fixture.given(lapsed)
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_bundle", BUNDLE, true, "pack", null, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the grant has expired")
                .expectNoEvents();
    }

    @Test
    void aSealedBundleCanBeScoped() {
        fixture.given(created(false))
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_bundle", BUNDLE, true, "pack", null, null, OPERATOR, REACH))
                .expectEvents(new AuthorityScopeAdded(
                        TENANT, GRANT, SCOPE, "evidence_bundle", BUNDLE, "pack", null, NOW, OPERATOR));
    }

    @Test
    void whatARestrictSharingHoldCoversCannotBeScopedAndTheCheckWaitsForTheHoldLock() {
        holds.sharingRestricted.add(BUNDLE);
        fixture.given(created(false))
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_bundle", BUNDLE, true, null, null, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("an active restrict_sharing legal hold covers this evidence_bundle")
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(holds.serialized).isOne();
    }

    @Test
    void anUnsealedBundleCannotBeScoped() {
        fixture.given(created(true))
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_bundle", BUNDLE, false, null, null, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("only sealed material can be shared")
                .expectNoEvents();
    }

    @Test
    void unsealedEvidenceNeedsAllowUnsealed() {
        fixture.given(created(false))
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_object", BUNDLE, false, null, null, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(created(true))
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_object", BUNDLE, false, null, null, null, OPERATOR, REACH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSameScopeTwiceIsAConflict() {
        fixture.given(
                        created(false),
                        new AuthorityScopeAdded(
                                TENANT, GRANT, SCOPE, "evidence_bundle", BUNDLE, null, null, NOW, OPERATOR))
                .when(new AddAuthorityScope(
                        GRANT,
                        TENANT,
                        UUID.randomUUID(),
                        "evidence_bundle",
                        BUNDLE,
                        true,
                        null,
                        null,
                        null,
                        OPERATOR,
                        REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aRevokedGrantTakesNoScopesAndIsNotRevokedTwice() {
        AuthorityGrantRevoked revoked = new AuthorityGrantRevoked(TENANT, GRANT, "done", NOW, OPERATOR);
        fixture.given(created(false), revoked)
                .when(new AddAuthorityScope(
                        GRANT, TENANT, SCOPE, "evidence_bundle", BUNDLE, true, null, null, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(created(false), revoked)
                .when(new RevokeAuthorityGrant(GRANT, TENANT, "again", OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void revokingNeedsAReason() {
        fixture.given(created(false))
                .when(new RevokeAuthorityGrant(GRANT, TENANT, " ", OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantsGrantIsNotFound() {
        fixture.given(created(false))
                .when(new RevokeAuthorityGrant(GRANT, UUID.randomUUID(), "x", OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such grant")
                .expectNoEvents();
    }

    @Test
    void aGrantPastItsExpiryIsMarkedExpiredOnce() {
        AuthorityGrantCreated shortLived = new AuthorityGrantCreated(
                TENANT,
                GRANT,
                null,
                null,
                "adjuster",
                "x",
                null,
                NOW.minusSeconds(1),
                null,
                false,
                false,
                null,
                NOW.minusSeconds(60),
                OPERATOR);
        fixture.given(shortLived)
                .when(new ExpireAuthorityGrant(GRANT, TENANT))
                .expectEvents(new AuthorityGrantExpired(TENANT, GRANT, NOW));
        fixture.given(shortLived, new AuthorityGrantExpired(TENANT, GRANT, NOW))
                .when(new ExpireAuthorityGrant(GRANT, TENANT))
                .expectNoEvents();
        fixture.given(created(false))
                .when(new ExpireAuthorityGrant(GRANT, TENANT))
                .expectNoEvents();
    }
}
