package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stored portal index of every grant equals the index computed from scratch after every command, whatever the
 * commands and their order: random sequences (seeded, so a failure can be replayed) of every operator command that
 * can change what a grant shows (captures for runs, claims and disputes, seals, integrity checks, destructions,
 * bundles, claims, dossiers, record and defense packs, materials, grants, scopes, holds with and without
 * restrict_sharing, their targets and releases, revocations of grants and tokens), in two circles and outside any.
 * After each step, for every grant of the tenant: the stored row is byte-identical to
 * {@code custos_portal_index_item} (the from-scratch computation), and the portal's definer function answers
 * exactly what the from-scratch computation and the live session check answer together.
 */
class PortalIndexModelIT extends IntegrationTest {

    private static final int STEPS = 160;
    private static final List<String> SCOPABLE =
            List.of("evidence_object", "evidence_bundle", "claim", "claim_dossier");
    private static final List<String> HOLDABLE =
            List.of("evidence_object", "evidence_bundle", "claim", "claim_dossier", "emergency_run", "dispute");

    /** An object the model made, and who (which circle) made it: requests about it go as that caller. */
    private record Made(String type, UUID id, Caller by) {}

    /** A grant, its one token, and the caller (circle) that made it. */
    private record Granted(UUID id, UUID tokenId, String session, Caller by) {}

    private Random random;
    private List<Caller> callers;
    private final Map<String, List<Made>> made = new HashMap<>();
    private final List<Granted> grants = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private final Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void theStoredIndexOfEveryGrantIsTheIndexComputedFromScratchAfterEveryCommand(long seed) throws Exception {
        random = new Random(seed);
        Caller legal = legalOperatorOfNewTenant();
        legal.assign("emergency_operator", legal.individual(), null);
        legal.assign("insurance_operator", legal.individual(), null);
        callers = List.of(
                legal,
                legal.inCircle(legal.circleWith(legal.individual())),
                legal.inCircle(legal.circleWith(legal.individual())));
        try (Connection db = TestDatabase.superuser(databaseName())) {
            try (PreparedStatement tenant = db.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                tenant.setString(1, legal.tenant().toString());
                tenant.execute();
            }
            for (int step = 1; step <= STEPS; step++) {
                history.add(step + ": " + step());
                assertAgrees(db, legal.tenant(), seed, step);
            }
            // The model reached what it is meant to reach: shown items, and items hidden by a hold.
            assertThat(scalar(
                            db,
                            "SELECT count(*) FROM cc_portal_grant_index WHERE jsonb_array_length("
                                    + "answer -> 'evidence') > 0"))
                    .as("grants showing evidence after " + history)
                    .isPositive();
            assertThat(scalar(
                            db,
                            "SELECT count(*) FROM cc_legal_hold_targets t JOIN cc_legal_holds h "
                                    + "ON h.id = t.hold_id WHERE h.restrict_sharing"))
                    .as("restricting targets after " + history)
                    .isPositive();
        }
    }

    private String step() {
        int choice = random.nextInt(100);
        if (choice < 14 || objects("evidence_object").isEmpty()) {
            return capture();
        } else if (choice < 22) {
            return on("evidence_object", e -> e.by().post("/api/evidence/" + e.id() + "/seal", Map.of()), "seal");
        } else if (choice < 25) {
            return on("evidence_object", e -> e.by().post("/api/evidence/" + e.id() + "/verify", Map.of()), "verify");
        } else if (choice < 29) {
            return on("evidence_object", e -> e.by().delete("/api/evidence/" + e.id()), "destroy");
        } else if (choice < 34) {
            Caller by = caller();
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(3); i++) {
                members.add(pick("evidence_object").id());
            }
            return create(
                    "evidence_bundle",
                    by,
                    () -> by.post(
                            "/api/evidence/bundles",
                            Map.of(
                                    "title",
                                    "Bundle",
                                    "evidence_ids",
                                    members.stream().distinct().toList())),
                    "bundle");
        } else if (choice < 39) {
            return on(
                    "evidence_bundle",
                    b -> b.by().post("/api/evidence/bundles/" + b.id() + "/seal", Map.of()),
                    "seal bundle");
        } else if (choice < 42) {
            Caller by = caller();
            return create(
                    "claim",
                    by,
                    () -> by.post(
                            "/api/insurance/claims",
                            Map.of(
                                    "claim_number",
                                    "CLM-" + UUID.randomUUID(),
                                    "policy_ref",
                                    "POL-7",
                                    "loss_date",
                                    "2026-11-20",
                                    "title",
                                    "Hail")),
                    "claim");
        } else if (choice < 46) {
            Made evidence = pick("evidence_object");
            return on(
                    "claim",
                    c -> c.by().post(
                                    "/api/insurance/claims/" + c.id() + "/evidence",
                                    Map.of("evidence_id", evidence.id())),
                    "attach " + evidence.id());
        } else if (choice < 50) {
            Made claim = pick("claim");
            return claim == null
                    ? "no claim"
                    : create(
                            "claim_dossier",
                            claim.by(),
                            () -> claim.by()
                                    .post("/api/operator/insurance/claims/" + claim.id() + "/assemble", Map.of()),
                            "dossier");
        } else if (choice < 52) {
            Caller by = caller();
            return create(
                    "emergency_run",
                    by,
                    () -> by.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Flood")),
                    "run");
        } else if (choice < 54) {
            Made evidence = pick("evidence_object");
            return on(
                    "emergency_run",
                    r -> r.by().post(
                                    "/api/emergency/runs/" + r.id() + "/captures",
                                    Map.of("evidence_id", evidence.id())),
                    "run capture " + evidence.id());
        } else if (choice < 56) {
            Made run = pick("emergency_run");
            return run == null
                    ? "no run"
                    : create(
                            "evidence_bundle",
                            run.by(),
                            () -> run.by()
                                    .post(
                                            "/api/operator/emergency/runs/" + run.id() + "/generate-record-pack",
                                            Map.of()),
                            "record pack");
        } else if (choice < 58) {
            Caller by = caller();
            return create(
                    "dispute",
                    by,
                    () -> by.post("/api/disputes", Map.of("title", "Smith v. Acme", "counterparty", "Smith")),
                    "dispute");
        } else if (choice < 61) {
            String type = List.of("evidence_object", "evidence_bundle", "claim_dossier")
                    .get(random.nextInt(3));
            Made material = pick(type);
            return material == null
                    ? "no material"
                    : on(
                            "dispute",
                            d -> d.by().post(
                                            "/api/disputes/" + d.id() + "/materials",
                                            Map.of("material_type", type, "material_id", material.id())),
                            "material " + type + " " + material.id());
        } else if (choice < 63) {
            Made dispute = pick("dispute");
            return dispute == null ? "no dispute" : packOf(dispute);
        } else if (choice < 66 || grants.size() < 2) {
            return grant();
        } else if (choice < 84) {
            return scope();
        } else if (choice < 87 || (choice < 97 && objects("legal_hold").isEmpty())) {
            boolean restrict = random.nextInt(4) != 0;
            Caller by = caller();
            return create(
                    "legal_hold",
                    by,
                    () -> by.post(
                            "/api/operator/legal/holds",
                            Map.of("title", "Hold", "reason", "litigation", "restrict_sharing", restrict)),
                    "hold restrict=" + restrict);
        } else if (choice < 94) {
            String type = HOLDABLE.get(random.nextInt(HOLDABLE.size()));
            Made target = pick(type);
            return target == null
                    ? "no " + type
                    : on(
                            "legal_hold",
                            h -> h.by().post(
                                            "/api/operator/legal/holds/" + h.id() + "/targets",
                                            Map.of("target_type", type, "target_id", target.id())),
                            "target " + type + " " + target.id());
        } else if (choice < 97) {
            return on(
                    "legal_hold",
                    h -> h.by().post("/api/operator/legal/holds/" + h.id() + "/release", Map.of("reason", "settled")),
                    "release");
        } else if (grants.isEmpty()) {
            return "no grant";
        } else {
            Granted grant = grants.get(random.nextInt(grants.size()));
            if (random.nextBoolean()) {
                return status(
                        grant.by().post("/api/authority/grants/" + grant.id() + "/revoke", Map.of("reason", "done")),
                        "revoke grant " + grant.id());
            }
            return status(
                    grant.by().post("/api/authority/tokens/" + grant.tokenId() + "/revoke", Map.of("reason", "done")),
                    "revoke token " + grant.tokenId());
        }
    }

    private String capture() {
        Caller by = caller();
        int link = random.nextInt(4);
        String header =
                List.of("", "x-emergency-run-id", "x-claim-id", "x-dispute-id").get(link);
        Made container = link == 0
                ? null
                : pickBy(List.of("", "emergency_run", "claim", "dispute").get(link), by);
        UUID id = container == null
                ? Evidence.uploadId(by, "Photo")
                : Evidence.uploadFor(by, header, container.id(), "Photo");
        objects("evidence_object").add(new Made("evidence_object", id, by));
        // Most evidence is sealed at once: only sealed evidence may be shared.
        boolean sealed = random.nextInt(3) != 0
                && by.post("/api/evidence/" + id + "/seal", Map.of())
                        .returnResult(String.class)
                        .getStatus()
                        .is2xxSuccessful();
        return "capture " + id + (sealed ? " sealed" : "")
                + (container == null ? "" : " for " + container.type() + " " + container.id());
    }

    private String packOf(Made dispute) {
        EntityExchangeResult<Map> pack = dispute.by()
                .post("/api/operator/disputes/" + dispute.id() + "/assemble-defense-pack", Map.of())
                .expectBody(Map.class)
                .returnResult();
        noServerError(pack.getStatus().value(), "defense pack");
        if (pack.getStatus().value() == 201) {
            objects("evidence_bundle")
                    .add(new Made(
                            "evidence_bundle",
                            UUID.fromString((String) pack.getResponseBody().get("bundle_id")),
                            dispute.by()));
        }
        return "defense pack " + pack.getStatus().value();
    }

    private String grant() {
        Caller by = caller();
        Map<?, ?> created = by.post(
                        "/api/authority/grants",
                        Map.of("grant_type", "adjuster", "title", "Grant", "expires_at", expiresAt.toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID grantId = UUID.fromString((String) created.get("id"));
        Shares.Token token = Shares.token(by, grantId, null);
        grants.add(new Granted(grantId, token.id(), Shares.session(http(), token.raw(), null), by));
        return "grant " + grantId;
    }

    private String scope() {
        if (grants.isEmpty()) {
            return grant();
        }
        Granted grant = grants.get(random.nextInt(grants.size()));
        String type = SCOPABLE.get(random.nextInt(SCOPABLE.size()));
        // Mostly an object of the grant's own circle, which the scope rules let through; sometimes any.
        Made object = random.nextInt(4) == 0 ? pick(type) : pickBy(type, grant.by());
        object = object == null ? pick(type) : object;
        if (object == null) {
            return "no " + type;
        }
        return status(
                grant.by()
                        .post(
                                "/api/authority/grants/" + grant.id() + "/scopes",
                                Map.of("scope_type", type, "scope_id", object.id())),
                "scope " + grant.id() + " " + type + " " + object.id());
    }

    private String on(String type, java.util.function.Function<Made, WebTestClient.ResponseSpec> request, String what) {
        Made object = pick(type);
        return object == null ? "no " + type : status(request.apply(object), what + " " + object.id());
    }

    private String create(String type, Caller by, Supplier<WebTestClient.ResponseSpec> request, String what) {
        EntityExchangeResult<Map> result = request.get().expectBody(Map.class).returnResult();
        int status = result.getStatus().value();
        noServerError(status, what);
        if (status == 201) {
            objects(type)
                    .add(new Made(
                            type,
                            UUID.fromString((String) result.getResponseBody().get("id")),
                            by));
        }
        return what + " " + status;
    }

    private String status(WebTestClient.ResponseSpec response, String what) {
        int status = response.returnResult(String.class).getStatus().value();
        noServerError(status, what);
        return what + " " + status;
    }

    private void noServerError(int status, String what) {
        assertThat(status).as(what + " after " + history).isLessThan(500);
    }

    private Caller caller() {
        return callers.get(random.nextInt(callers.size()));
    }

    private List<Made> objects(String type) {
        return made.computeIfAbsent(type, t -> new ArrayList<>());
    }

    private Made pick(String type) {
        List<Made> of = objects(type);
        return of.isEmpty() ? null : of.get(random.nextInt(of.size()));
    }

    /** A container made by the same caller (an upload links only to a container of its own circle). */
    private Made pickBy(String type, Caller by) {
        List<Made> of = objects(type).stream().filter(m -> m.by().equals(by)).toList();
        return of.isEmpty() ? null : of.get(random.nextInt(of.size()));
    }

    private void assertAgrees(Connection db, UUID tenant, long seed, int step) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (PreparedStatement check = db.prepareStatement("""
                SELECT g.id, i.answer::text, custos_portal_index_item(g.id)::text
                  FROM cc_authority_access_grants g LEFT JOIN cc_portal_grant_index i ON i.grant_id = g.id
                 WHERE g.tenant_id = ?::uuid
                   AND i.answer::text IS DISTINCT FROM custos_portal_index_item(g.id)::text""")) {
            check.setString(1, tenant.toString());
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    wrong.add("grant " + rows.getString(1) + " stored " + rows.getString(2) + " but from scratch "
                            + rows.getString(3));
                }
            }
        }
        for (Granted grant : grants) {
            try (PreparedStatement read = db.prepareStatement("""
                    SELECT cc_authority_list_scope_index(?::uuid, ?::uuid, ?::uuid)::text,
                           CASE WHEN custos_portal_session_active(?::uuid, ?::uuid)
                                THEN jsonb_build_object('session', 'active', 'item', custos_portal_index_item(?::uuid))
                                ELSE jsonb_build_object('session', 'inactive') END::text""")) {
                read.setString(1, tenant.toString());
                read.setString(2, grant.id().toString());
                read.setString(3, grant.tokenId().toString());
                read.setString(4, grant.id().toString());
                read.setString(5, grant.tokenId().toString());
                read.setString(6, grant.id().toString());
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    if (!row.getString(1).equals(row.getString(2))) {
                        wrong.add("portal read of " + grant.id() + ": " + row.getString(1) + " but from scratch "
                                + row.getString(2));
                    }
                }
            }
        }
        assertThat(wrong)
                .as("seed " + seed + ", after step " + step + " of " + history)
                .isEmpty();
        if (step % 10 == 0 && !grants.isEmpty()) {
            Granted grant = grants.get(random.nextInt(grants.size()));
            int status = Shares.get(http(), grant.session(), "/p/authority/index")
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            assertThat(status).as("the portal's index over HTTP").isIn(200, 401);
        }
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
