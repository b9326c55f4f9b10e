package dev.custos.command.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.canonical.CanonicalJson;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.events.insurance.ClaimEvidenceAttached;
import dev.custos.events.insurance.InsuranceClaimOpened;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsuranceClaimTest {

    private static final Reach TENANT_WIDE = Reach.tenantWide(Set.of());
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123456Z");
    private static final LocalDate LOSS = LocalDate.parse("2026-11-20");
    private static final UUID TENANT = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID CLAIM = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID DOSSIER = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    private static final UUID PHOTO = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID REPORT = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private FixtureConfiguration<InsuranceClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InsuranceClaim.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InsuranceClaimOpened opened(UUID circle) {
        return new InsuranceClaimOpened(TENANT, CLAIM, circle, "CLM-1", "POL-7", LOSS, "Hail damage", NOW, OPERATOR);
    }

    private static OpenInsuranceClaim open(UUID circle, Reach reach) {
        return new OpenInsuranceClaim(CLAIM, TENANT, circle, "CLM-1", "POL-7", LOSS, "Hail damage", OPERATOR, reach);
    }

    private static DossierItem item(UUID id, Instant capturedAt) {
        return new DossierItem(id, "Item " + id, "image/jpeg", 1234, SHA, capturedAt);
    }

    @Test
    void anOperatorOpensAClaim() {
        fixture.givenNoPriorActivity()
                .when(open(null, TENANT_WIDE))
                .expectEvents(opened(null))
                .expectResultMessagePayload(
                        new ClaimState(CLAIM, null, "CLM-1", "POL-7", LOSS, "Hail damage", NOW, OPERATOR));
    }

    @Test
    void aClaimNeedsItsNumberPolicyAndTitle() {
        fixture.givenNoPriorActivity()
                .when(new OpenInsuranceClaim(CLAIM, TENANT, null, " ", "POL-7", LOSS, "Hail", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aLossDateInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenInsuranceClaim(
                        CLAIM,
                        TENANT,
                        null,
                        "CLM-1",
                        "POL-7",
                        LocalDate.parse("2026-12-10"),
                        "Hail damage",
                        OPERATOR,
                        TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("loss_date cannot be in the future");
    }

    @Test
    void aCircleRoleOpensClaimsInItsOwnCircleOnly() {
        fixture.givenNoPriorActivity()
                .when(open(CIRCLE, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectEvents(opened(CIRCLE));
        fixture.givenNoPriorActivity()
                .when(open(null, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void evidenceIsAttachedOnce() {
        fixture.given(opened(null))
                .when(new AttachClaimEvidence(CLAIM, TENANT, PHOTO, null, OPERATOR, TENANT_WIDE))
                .expectEvents(new ClaimEvidenceAttached(TENANT, CLAIM, null, PHOTO, NOW, OPERATOR));
        fixture.given(opened(null), new ClaimEvidenceAttached(TENANT, CLAIM, null, PHOTO, NOW, OPERATOR))
                .when(new AttachClaimEvidence(CLAIM, TENANT, PHOTO, null, OPERATOR, TENANT_WIDE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotTouchTheClaim() {
        fixture.given(opened(null))
                .when(new AttachClaimEvidence(CLAIM, UUID.randomUUID(), PHOTO, null, OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such claim")
                .expectNoEvents();
    }

    @Test
    void aCircleRoleCannotActOnATenantWideClaim() {
        fixture.given(opened(null))
                .when(new AssembleClaimDossier(
                        CLAIM, TENANT, DOSSIER, List.of(), OPERATOR, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aDossierIsCanonicalJsonWithItsOwnHashAndListsEveryItemInCaptureOrder() {
        Instant earlier = Instant.parse("2026-11-21T08:00:00Z");
        Instant later = Instant.parse("2026-11-21T09:00:00Z");
        String expected = "{\"assembled_at\":\"2026-12-02T10:00:00.123456Z\","
                + "\"assembled_by_individual_id\":\"" + OPERATOR + "\","
                + "\"claim\":{\"circle_id\":null,\"claim_number\":\"CLM-1\",\"id\":\"" + CLAIM + "\","
                + "\"loss_date\":\"2026-11-20\",\"opened_at\":\"2026-12-02T10:00:00.123456Z\","
                + "\"policy_ref\":\"POL-7\",\"title\":\"Hail damage\"},"
                + "\"dossier_id\":\"" + DOSSIER + "\","
                + "\"evidence\":["
                + "{\"captured_at\":\"2026-11-21T08:00:00Z\",\"content_bytes\":1234,\"content_mime\":\"image/jpeg\","
                + "\"content_sha256\":\"" + SHA + "\",\"id\":\"" + REPORT + "\",\"title\":\"Item " + REPORT + "\"},"
                + "{\"captured_at\":\"2026-11-21T09:00:00Z\",\"content_bytes\":1234,\"content_mime\":\"image/jpeg\","
                + "\"content_sha256\":\"" + SHA + "\",\"id\":\"" + PHOTO + "\",\"title\":\"Item " + PHOTO + "\"}],"
                + "\"format\":\"custos.claim_dossier.v1\","
                + "\"tenant_id\":\"" + TENANT + "\"}";
        String sha = CanonicalJson.sha256Hex(expected);
        fixture.given(opened(null))
                .when(new AssembleClaimDossier(
                        CLAIM,
                        TENANT,
                        DOSSIER,
                        List.of(item(PHOTO, later), item(REPORT, earlier)),
                        OPERATOR,
                        TENANT_WIDE))
                .expectEvents(new ClaimDossierAssembled(
                        TENANT, CLAIM, null, DOSSIER, expected, sha, List.of(PHOTO, REPORT), NOW, OPERATOR))
                .expectResultMessagePayload(new ClaimDossier(DOSSIER, CLAIM, expected, sha, NOW));
        assertThat(sha).hasSize(64);
    }

    @Test
    void theSameClaimAndEvidenceGiveTheSameBytesInAnyOrder() {
        List<DossierItem> items = List.of(item(PHOTO, NOW), item(REPORT, NOW));
        ClaimState claim = new ClaimState(CLAIM, null, "CLM-1", "POL-7", LOSS, "Hail damage", NOW, OPERATOR);
        assertThat(DossierDocument.write(TENANT, DOSSIER, claim, items, NOW, OPERATOR))
                .isEqualTo(DossierDocument.write(
                        TENANT, DOSSIER, claim, List.of(items.get(1), items.get(0)), NOW, OPERATOR));
    }

    @Test
    void evidenceOfAnotherCircleIsNeverAttached() {
        UUID other = UUID.randomUUID();
        Reach seesBoth = Reach.tenantWide(Set.of(CIRCLE, other));
        fixture.given(opened(CIRCLE))
                .when(new AttachClaimEvidence(CLAIM, TENANT, PHOTO, other, OPERATOR, seesBoth))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence in this circle")
                .expectNoEvents();
        fixture.given(opened(null))
                .when(new AttachClaimEvidence(CLAIM, TENANT, PHOTO, CIRCLE, OPERATOR, seesBoth))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(opened(CIRCLE))
                .when(new AttachClaimEvidence(CLAIM, TENANT, PHOTO, CIRCLE, OPERATOR, seesBoth))
                .expectEvents(new ClaimEvidenceAttached(TENANT, CLAIM, CIRCLE, PHOTO, NOW, OPERATOR));
    }
}
