package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Runs;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A {@code restrict_sharing} hold refuses new shares and scopes of what it covers (the portal would refuse every
 * read of them), with 409 and nothing created; a hold without it, or a released one, refuses nothing.
 */
class SharingUnderHoldIT extends IntegrationTest {

    private Caller legal;
    private final Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tenantWithALegalAndEmergencyOperator() {
        legal = legalOperatorOfNewTenant();
        legal.assign("emergency_operator", legal.individual(), null);
    }

    private UUID hold(boolean restrictSharing, String targetType, UUID target) {
        Map<?, ?> hold = legal.post(
                        "/api/operator/legal/holds",
                        Map.of(
                                "title",
                                "Smith v. Acme",
                                "reason",
                                "litigation expected",
                                "restrict_sharing",
                                restrictSharing))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID id = UUID.fromString((String) hold.get("id"));
        legal.post(
                        "/api/operator/legal/holds/" + id + "/targets",
                        Map.of("target_type", targetType, "target_id", target))
                .expectStatus()
                .isCreated();
        return id;
    }

    private UUID grant() {
        return Shares.share(legal, expiresAt, null, null, Map.of()).grantId();
    }

    private long count(String sql) {
        return TestDatabase.count(databaseName(), sql.replace("$tenant", "'" + legal.tenant() + "'"));
    }

    private long scopes() {
        return count("SELECT count(*) FROM cc_authority_access_scopes WHERE tenant_id = $tenant");
    }

    private long grants() {
        return count("SELECT count(*) FROM cc_authority_access_grants WHERE tenant_id = $tenant");
    }

    @Test
    void aScopeOfAnObjectUnderARestrictSharingHoldIsAConflictAndAddsNothing() {
        UUID held = Evidence.sealed(legal, "Contract");
        UUID bundle = Evidence.sealedBundle(legal, "Contracts", held);
        UUID grant = grant();
        hold(true, "evidence_object", held);
        long before = scopes();

        legal.post(
                        "/api/authority/grants/" + grant + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", held))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("an active restrict_sharing legal hold covers this " + "evidence_object");
        // The bundle lists the held object, so the hold covers it too.
        legal.post(
                        "/api/authority/grants/" + grant + "/scopes",
                        Map.of("scope_type", "evidence_bundle", "scope_id", bundle))
                .expectStatus()
                .isEqualTo(409);
        assertThat(scopes()).isEqualTo(before);
    }

    @Test
    void aHoldWithoutRestrictSharingOrAReleasedOneRefusesNoScope() {
        UUID kept = Evidence.sealed(legal, "Invoice");
        UUID released = Evidence.sealed(legal, "Memo");
        hold(false, "evidence_object", kept);
        UUID hold = hold(true, "evidence_object", released);
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"))
                .expectStatus()
                .isOk();
        UUID grant = grant();
        legal.post(
                        "/api/authority/grants/" + grant + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", kept))
                .expectStatus()
                .isCreated();
        legal.post(
                        "/api/authority/grants/" + grant + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", released))
                .expectStatus()
                .isCreated();
    }

    @Test
    void aShareOfAHeldRunsRecordPackIsAConflictAndCreatesNoGrant() {
        String share = Runs.withARecordPack(legal);
        UUID runId = UUID.fromString(share.split("/")[5]);
        UUID hold = hold(true, "emergency_run", runId);
        long before = grants();
        Map<String, Object> body =
                Map.of("grant_type", "adjuster", "title", "Flood record", "expires_at", expiresAt.toString());

        legal.post(share, body)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.share_url")
                .doesNotExist();
        assertThat(grants()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = $tenant "
                        + "AND action_key = 'run_share_authority'"))
                .isZero();

        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"))
                .expectStatus()
                .isOk();
        Map<?, ?> shared = legal.post(share, body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String link = (String) shared.get("share_url");
        Shares.SECRETS.add(link.substring(link.indexOf("#token=") + 7));
    }

    @Test
    void aDossierUnderARestrictSharingHoldOnItsClaimIsNotSharedButStillExported() {
        legal.assign("insurance_operator", legal.individual(), null);
        Map<?, ?> claim = legal.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-" + UUID.randomUUID(),
                                "policy_ref",
                                "POL-7",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail damage"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID claimId = UUID.fromString((String) claim.get("id"));
        Evidence.uploadFor(legal, "x-claim-id", claimId, "Roof photo");
        Map<?, ?> dossier = legal.post("/api/operator/insurance/claims/" + claimId + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String dossierPath = "/api/operator/insurance/dossiers/" + dossier.get("id");
        hold(true, "claim", claimId);
        long before = grants();

        legal.post(
                        dossierPath + "/share-authority",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "Hail claim",
                                "expires_at",
                                expiresAt.toString(),
                                "client_request_id",
                                "d-1"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(grants()).isEqualTo(before);
        legal.post(dossierPath + "/export", Map.of()).expectStatus().isOk();
    }

    /**
     * A scope and a restrict_sharing hold target sent at the same moment: the hold always lands, and the scope
     * either is refused or committed before the hold, never after it (checked in the event store's order).
     */
    @RepeatedTest(15)
    void aScopeRacingARestrictSharingHoldNeverLandsAfterIt() throws Exception {
        UUID evidence = Evidence.sealed(legal, "Contested record");
        UUID grant = grant();
        Map<?, ?> hold = legal.post(
                        "/api/operator/legal/holds",
                        Map.of("title", "Race", "reason", "race", "restrict_sharing", true))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(() -> {
            await(start);
            return legal.post(
                            "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                            Map.of("target_type", "evidence_object", "target_id", evidence))
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        });
        CompletableFuture<Integer> scoping = CompletableFuture.supplyAsync(() -> {
            await(start);
            return legal.post(
                            "/api/authority/grants/" + grant + "/scopes",
                            Map.of("scope_type", "evidence_object", "scope_id", evidence))
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        });
        assertThat(holding.get()).isEqualTo(201);
        int scoped = scoping.get();
        assertThat(scoped).isIn(201, 409);
        try (Connection superuser = TestDatabase.superuser(databaseName());
                ResultSet rows = superuser
                        .createStatement()
                        .executeQuery("SELECT "
                                + "max(global_index) FILTER (WHERE payload_type LIKE '%AuthorityScopeAdded' "
                                + "AND aggregate_identifier = '" + grant
                                + "'), max(global_index) FILTER (WHERE payload_type "
                                + "LIKE '%LegalHoldTargetAdded' AND aggregate_identifier = '" + hold.get("id") + "') "
                                + "FROM domain_event_entry")) {
            rows.next();
            long scopeEvent = rows.getLong(1);
            boolean scopeAdded = !rows.wasNull();
            long holdEvent = rows.getLong(2);
            assertThat(scopeAdded).isEqualTo(scoped == 201);
            if (scopeAdded) {
                assertThat(scopeEvent)
                        .as("the scope was stored before the hold it raced")
                        .isLessThan(holdEvent);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
