package dev.custos.api.it;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Runs;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

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
        Map<?, ?> hold = legal.post("/api/operator/legal/holds", Map.of("title", "Smith v. Acme",
                        "reason", "litigation expected", "restrict_sharing", restrictSharing))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        UUID id = UUID.fromString((String) hold.get("id"));
        legal.post("/api/operator/legal/holds/" + id + "/targets", Map.of("target_type", targetType,
                "target_id", target)).expectStatus().isCreated();
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

        legal.post("/api/authority/grants/" + grant + "/scopes", Map.of("scope_type", "evidence_object",
                "scope_id", held)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("an active restrict_sharing legal hold covers this "
                        + "evidence_object");
        // The bundle lists the held object, so the hold covers it too.
        legal.post("/api/authority/grants/" + grant + "/scopes", Map.of("scope_type", "evidence_bundle",
                "scope_id", bundle)).expectStatus().isEqualTo(409);
        assertThat(scopes()).isEqualTo(before);
    }

    @Test
    void aHoldWithoutRestrictSharingOrAReleasedOneRefusesNoScope() {
        UUID kept = Evidence.sealed(legal, "Invoice");
        UUID released = Evidence.sealed(legal, "Memo");
        hold(false, "evidence_object", kept);
        UUID hold = hold(true, "evidence_object", released);
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"))
                .expectStatus().isOk();
        UUID grant = grant();
        legal.post("/api/authority/grants/" + grant + "/scopes", Map.of("scope_type", "evidence_object",
                "scope_id", kept)).expectStatus().isCreated();
        legal.post("/api/authority/grants/" + grant + "/scopes", Map.of("scope_type", "evidence_object",
                "scope_id", released)).expectStatus().isCreated();
    }

    @Test
    void aShareOfAHeldRunsRecordPackIsAConflictAndCreatesNoGrant() {
        String share = Runs.withARecordPack(legal);
        UUID runId = UUID.fromString(share.split("/")[5]);
        UUID hold = hold(true, "emergency_run", runId);
        long before = grants();
        Map<String, Object> body = Map.of("grant_type", "adjuster", "title", "Flood record", "expires_at",
                expiresAt.toString());

        legal.post(share, body)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.share_url").doesNotExist();
        assertThat(grants()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = $tenant "
                + "AND action_key = 'run_share_authority'")).isZero();

        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"))
                .expectStatus().isOk();
        Map<?, ?> shared = legal.post(share, body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String link = (String) shared.get("share_url");
        Shares.SECRETS.add(link.substring(link.indexOf("#token=") + 7));
    }
}
