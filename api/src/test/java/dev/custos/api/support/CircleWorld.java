package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant laid out for authorization tests, and a second tenant beside it. Circle {@code own} is the callers'
 * circle, {@code other} is a circle none of them is in, and {@code third} holds the other-circle role. Every caller
 * is a member of {@code own}; the founder is in every circle and holds every role tenant-wide, and makes the
 * objects the tests act on.
 */
public final class CircleWorld {

    public static final List<String> ROLES =
            List.of("emergency_operator", "legal_operator", "insurance_operator", "platform_operator");

    /** Who calls, in the matrix's terms. */
    public enum Actor {
        TENANT_ROLE,
        SAME_CIRCLE_ROLE,
        OTHER_CIRCLE_ROLE,
        MEMBER_WITHOUT_ROLE,
        NON_MEMBER
    }

    /** Where the object lives. */
    public enum Placement {
        TENANT_WIDE,
        OWN_CIRCLE,
        OTHER_CIRCLE,
        OTHER_TENANT
    }

    public final UUID tenant;
    public final UUID otherTenant;
    public final UUID own;
    public final UUID other;
    public final UUID third;
    public final UUID otherTenantCircle;
    public final Caller founder;
    public final Caller otherFounder;
    private final Map<Actor, UUID> actors = new HashMap<>();
    private final Map<UUID, UUID> scopeGrants = new HashMap<>();
    private final IntegrationTest test;

    public CircleWorld(IntegrationTest test) {
        this.test = test;
        UUID founderId = UUID.randomUUID();
        tenant = test.createTenant(founderId);
        founder = test.as(founderId, tenant);
        for (String role : ROLES.subList(0, 3)) {
            founder.assign(role, founderId, null);
        }
        for (Actor actor : Actor.values()) {
            UUID id = UUID.randomUUID();
            actors.put(actor, id);
            if (actor != Actor.NON_MEMBER) {
                founder.addMember(id);
            }
        }
        own = founder.circleWith(
                founderId,
                id(Actor.TENANT_ROLE),
                id(Actor.SAME_CIRCLE_ROLE),
                id(Actor.OTHER_CIRCLE_ROLE),
                id(Actor.MEMBER_WITHOUT_ROLE));
        other = founder.circleWith(founderId);
        third = founder.circleWith(founderId, id(Actor.OTHER_CIRCLE_ROLE));
        for (String role : ROLES) {
            founder.assign(role, id(Actor.TENANT_ROLE), null);
            founder.assign(role, id(Actor.SAME_CIRCLE_ROLE), own);
            founder.assign(role, id(Actor.OTHER_CIRCLE_ROLE), third);
        }
        UUID otherFounderId = UUID.randomUUID();
        otherTenant = test.createTenant(otherFounderId);
        otherFounder = test.as(otherFounderId, otherTenant);
        for (String role : ROLES.subList(0, 3)) {
            otherFounder.assign(role, otherFounderId, null);
        }
        otherTenantCircle = otherFounder.circleWith(otherFounderId);
    }

    public UUID id(Actor actor) {
        return actors.get(actor);
    }

    /** The actor's requests in this tenant, optionally in a circle. */
    public Caller as(Actor actor, UUID circle) {
        return test.as(id(actor), tenant).inCircle(circle);
    }

    /** Who makes an object of this placement: the founder of its tenant. */
    public Caller maker(Placement placement) {
        return placement == Placement.OTHER_TENANT ? otherFounder : founder;
    }

    /** The circle of a placement ({@code null}: tenant-wide). */
    public UUID circleOf(Placement placement) {
        return switch (placement) {
            case TENANT_WIDE -> null;
            case OWN_CIRCLE -> own;
            case OTHER_CIRCLE -> other;
            case OTHER_TENANT -> null;
        };
    }

    /** A new tenant member, in no circle. */
    public UUID newMember() {
        UUID member = UUID.randomUUID();
        founder.addMember(member);
        return member;
    }

    public UUID hold(Placement placement) {
        return idOf(
                maker(placement)
                        .post(
                                "/api/operator/legal/holds",
                                withCircle(Map.of("title", "Matrix hold", "reason", "matrix"), placement)),
                "id");
    }

    public UUID grant(Placement placement) {
        return idOf(
                maker(placement)
                        .post(
                                "/api/authority/grants",
                                withCircle(
                                        Map.of(
                                                "grant_type",
                                                "adjuster",
                                                "title",
                                                "Matrix grant",
                                                "expires_at",
                                                Instant.now()
                                                        .plus(1, ChronoUnit.DAYS)
                                                        .toString()),
                                        placement)),
                "id");
    }

    public UUID token(Placement placement) {
        return idOf(
                maker(placement).post("/api/authority/grants/" + grant(placement) + "/tokens", Map.of()), "token_id");
    }

    /** An assignment of a new member: tenant-wide, or in the placement's circle. */
    public UUID assignment(Placement placement) {
        Caller maker = maker(placement);
        UUID member = UUID.randomUUID();
        maker.addMember(member);
        UUID circle = circleOf(placement);
        if (circle != null) {
            maker.post("/api/circles/" + circle + "/members", Map.of("individual_id", member))
                    .expectStatus()
                    .isCreated();
        }
        return maker.assign("legal_operator", member, circle);
    }

    public UUID circle(Placement placement) {
        return switch (placement) {
            case OWN_CIRCLE -> own;
            case OTHER_CIRCLE -> other;
            case OTHER_TENANT -> otherTenantCircle;
            case TENANT_WIDE -> throw new IllegalArgumentException("a circle is never tenant-wide");
        };
    }

    /** Evidence uploaded in the placement's circle (with {@code x-circle-id}), or tenant-wide. */
    public UUID evidence(Placement placement) {
        return Evidence.uploadId(maker(placement).inCircle(circleOf(placement)), "Matrix evidence");
    }

    public UUID sealedEvidence(Placement placement) {
        return Evidence.sealed(maker(placement).inCircle(circleOf(placement)), "Matrix evidence");
    }

    /** An open bundle of the placement's circle, of one sealed evidence object of the same circle. */
    public UUID bundle(Placement placement) {
        return idOf(
                maker(placement)
                        .post(
                                "/api/evidence/bundles",
                                withCircle(
                                        Map.of(
                                                "title",
                                                "Matrix bundle",
                                                "evidence_ids",
                                                List.of(sealedEvidence(placement))),
                                        placement)),
                "id");
    }

    /**
     * A run with everything each run route needs to succeed: a capture, a live scope grant (see
     * {@link #scopeGrantOf}) and a record pack.
     */
    public UUID run(Placement placement) {
        Caller maker = maker(placement);
        UUID run = idOf(
                maker.post(
                        "/api/operator/emergency/runs/start",
                        withCircle(Map.of("run_type", "flood", "title", "Matrix run"), placement)),
                "id");
        Evidence.uploadFor(maker, "x-emergency-run-id", run, "Matrix capture");
        scopeGrants.put(
                run,
                idOf(
                        maker.post(
                                "/api/operator/emergency/runs/" + run + "/grant-scope",
                                Map.of("grantee_individual_id", maker.individual(), "scope_key", "site_access")),
                        "scope_grant_id"));
        maker.post("/api/operator/emergency/runs/" + run + "/generate-record-pack", Map.of())
                .expectStatus()
                .isCreated();
        return run;
    }

    /** An object of {@code kind} (as the matrix names the objects its routes act on), placed as asked. */
    public UUID make(String kind, Placement placement) {
        return switch (kind) {
            case "circle" -> circle(placement);
            case "role_assignment" -> assignment(placement);
            case "evidence_bundle" -> bundle(placement);
            case "evidence_object" -> evidence(placement);
            case "legal_hold" -> hold(placement);
            case "authority_grant" -> grant(placement);
            case "authority_token" -> token(placement);
            case "emergency_run" -> run(placement);
            case "claim" -> claim(placement);
            case "claim_dossier" -> dossier(placement);
            case "dispute" -> dispute(placement);
            case "defense_pack" -> defensePack(placement);
            default -> throw new IllegalStateException("no fixture for " + kind);
        };
    }

    /** A claim, with no evidence yet. */
    public UUID claim(Placement placement) {
        return idOf(
                maker(placement)
                        .post(
                                "/api/insurance/claims",
                                withCircle(
                                        Map.of(
                                                "claim_number",
                                                "CLM-" + UUID.randomUUID(),
                                                "policy_ref",
                                                "POL-1",
                                                "loss_date",
                                                "2026-11-20",
                                                "title",
                                                "Matrix claim"),
                                        placement)),
                "id");
    }

    /** A dossier of a new claim. */
    public UUID dossier(Placement placement) {
        UUID claim = claim(placement);
        return idOf(maker(placement).post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of()), "id");
    }

    /** A dispute with one sealed piece of evidence as its material. */
    public UUID dispute(Placement placement) {
        Caller maker = maker(placement);
        UUID dispute = idOf(
                maker.post(
                        "/api/disputes",
                        withCircle(Map.of("title", "Matrix dispute", "counterparty", "Someone"), placement)),
                "id");
        UUID evidence = sealedEvidence(placement);
        maker.post(
                        "/api/disputes/" + dispute + "/materials",
                        Map.of("material_type", "evidence_object", "material_id", evidence))
                .expectStatus()
                .isOk();
        return dispute;
    }

    /** A defense pack of a new dispute. */
    public UUID defensePack(Placement placement) {
        UUID dispute = dispute(placement);
        return idOf(
                maker(placement).post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of()), "id");
    }

    /** The live scope grant of a run {@link #run} made. */
    public UUID scopeGrantOf(UUID run) {
        return scopeGrants.get(run);
    }

    private Map<String, Object> withCircle(Map<String, Object> body, Placement placement) {
        Map<String, Object> placed = new HashMap<>(body);
        UUID circle = circleOf(placement);
        if (circle != null) {
            placed.put("circle_id", circle);
        }
        return placed;
    }

    private static UUID idOf(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        Map<?, ?> body = response.expectStatus()
                .is2xxSuccessful()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) body.get(field));
    }
}
