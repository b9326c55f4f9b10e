package dev.custos.api.fuzz;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest.Caller;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fuzzer acts in: a tenant whose operator holds every role, with real objects of each kind, so that
 * generated requests reach past the first check into the handlers.
 */
public record World(
        UUID tenant,
        UUID operator,
        String operatorToken,
        String adminToken,
        List<UUID> ids,
        UUID circle,
        String sessionToken) {

    public static World create(
            java.util.function.UnaryOperator<UUID> tenantFor, java.util.function.BiFunction<UUID, UUID, Caller> as) {
        UUID operator = UUID.randomUUID();
        UUID tenant = tenantFor.apply(operator);
        Caller caller = as.apply(operator, tenant);
        for (String role : List.of("legal_operator", "insurance_operator", "emergency_operator")) {
            caller.assign(role, operator, null);
        }
        UUID circle = caller.circleWith(operator);
        UUID evidence = Evidence.sealed(caller, "Fuzz evidence");
        UUID loose = Evidence.uploadId(caller, "Unsealed evidence");
        UUID bundle = Evidence.sealedBundle(caller, "Fuzz bundle", evidence);
        Map<?, ?> hold = caller.post("/api/operator/legal/holds", Map.of("title", "Fuzz hold", "reason", "fuzzing"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Shares.Share share = Shares.share(
                caller,
                java.time.Instant.now().plus(java.time.Duration.ofDays(7)),
                null,
                null,
                Map.of("evidence_bundle", bundle));
        return new World(
                tenant,
                operator,
                Jwts.forIndividual(operator),
                Jwts.forAdmin(UUID.randomUUID()),
                List.of(
                        evidence,
                        loose,
                        bundle,
                        UUID.fromString((String) hold.get("id")),
                        share.grantId(),
                        share.token().id(),
                        circle),
                circle,
                Shares.session(caller.http(), share.token().raw(), null));
    }
}
