package dev.custos.bench;

import static dev.custos.bench.Http.expect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What the bench needs in the service, made through the public API only: tenants, operators, evidence, shares. */
final class World {

    private final Http http;

    World(Http http) {
        this.http = http;
    }

    /** A new tenant whose first operator also holds the legal role; answers that operator. */
    Http.As tenantWithOperator() {
        UUID operator = UUID.randomUUID();
        Http.As admin = Http.As.of(UUID.randomUUID(), null, true);
        UUID tenant = expect(
                        201,
                        http.post(
                                "/api/tenants",
                                admin,
                                Map.of("name", "Bench " + operator, "first_operator_individual_id", operator)))
                .id("tenant_id");
        Http.As as = Http.As.of(operator, tenant, false);
        for (String role : List.of("legal_operator", "emergency_operator")) {
            expect(
                    201,
                    http.post("/api/operator/roles/assign", as, Map.of("role_key", role, "individual_id", operator)));
        }
        return as;
    }

    Http.Answer placeHold(Http.As operator) {
        return http.post(
                "/api/operator/legal/holds",
                operator,
                Map.of("title", "Bench hold", "reason", "Preserve for the bench"));
    }

    /** A command of the operator surface: one new run aggregate and one event. */
    Http.Answer startRun(Http.As operator) {
        return http.post(
                "/api/operator/emergency/runs/start", operator, Map.of("run_type", "flood", "title", "Bench run"));
    }

    Http.Answer addMember(Http.As operator) {
        return http.post("/api/tenants/members", operator, Map.of("individual_id", UUID.randomUUID()));
    }

    /** A grant over {@code evidence} sealed items, with no view limit. */
    UUID grant(Http.As operator, List<UUID> evidence) {
        UUID grant = expect(
                        201,
                        http.post(
                                "/api/authority/grants",
                                operator,
                                Map.of(
                                        "grant_type",
                                        "adjuster",
                                        "title",
                                        "Bench share",
                                        "expires_at",
                                        Instant.now().plus(30, ChronoUnit.DAYS).toString())))
                .id("id");
        for (UUID id : evidence) {
            expect(
                    201,
                    http.post(
                            "/api/authority/grants/" + grant + "/scopes",
                            operator,
                            Map.of("scope_type", "evidence_object", "scope_id", id)));
        }
        return grant;
    }

    List<UUID> sealedEvidence(Http.As operator, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = expect(
                            201,
                            http.upload(
                                    operator,
                                    "Bench item " + i,
                                    ("bench evidence " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                    .id("id");
            expect(200, http.post("/api/evidence/" + id + "/seal", operator, Map.of()));
            ids.add(id);
        }
        return ids;
    }

    /** A raw share token for the grant. */
    String token(Http.As operator, UUID grant) {
        return expect(201, http.post("/api/authority/grants/" + grant + "/tokens", operator, Map.of()))
                .text("token");
    }

    Http.Answer exchange(String token) {
        return http.postAnonymous("/p/authority/session", Map.of("token", token));
    }

    String session(String token) {
        return expect(200, exchange(token)).text("session_token");
    }

    Http.Answer index(String session) {
        return http.getWithBearer("/p/authority/index", session);
    }

    /** Runs {@code count} calls of {@code call} on {@code clients} threads; fails on the first wrong answer. */
    static void fill(int count, int clients, int status, java.util.function.Supplier<Http.Answer> call) {
        AtomicInteger left = new AtomicInteger(count);
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.onThreads(clients, client -> () -> {
            while (left.getAndDecrement() > 0 && failures.isEmpty()) {
                try {
                    expect(status, call.get());
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
