package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.CircleWorld;
import dev.custos.api.support.CircleWorld.Actor;
import dev.custos.api.support.CircleWorld.Placement;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The circle rules of the contract, cell by cell, for every {@code /api/**} route that acts on an existing object.
 * The routes come from the OpenAPI description, so a new route joins the matrix the day it exists (and fails it
 * until the matrix knows how to make its object). Each route is crossed with the caller, the {@code x-circle-id}
 * header and where the object lives; every cell asserts the contract's status, and every refusal is checked in the
 * event store and the audit table to have changed nothing.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    /** Header choices: none, the callers' own circle, and a circle they are not in. */
    enum Header {
        NONE,
        OWN,
        FOREIGN
    }

    /** What the matrix can make, by the path prefix of the routes that act on it. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("/api/circles/{id}", "circle");
        KINDS.put("/api/operator/roles/assignments/{id}", "role_assignment");
        KINDS.put("/api/evidence/bundles/{id}", "evidence_bundle");
        KINDS.put("/api/evidence/{id}", "evidence_object");
        KINDS.put("/api/operator/legal/holds/{id}", "legal_hold");
        KINDS.put("/api/authority/grants/{id}", "authority_grant");
        KINDS.put("/api/authority/tokens/{id}", "authority_token");
        KINDS.put("/api/operator/emergency/runs/{id}", "emergency_run");
        KINDS.put("/api/emergency/runs/{id}", "emergency_run");
        KINDS.put("/api/insurance/claims/{id}", "claim");
        KINDS.put("/api/operator/insurance/claims/{id}", "claim");
        KINDS.put("/api/operator/insurance/dossiers/{id}", "claim_dossier");
        KINDS.put("/api/disputes/{id}", "dispute");
        KINDS.put("/api/operator/disputes/{id}", "dispute");
        KINDS.put("/api/operator/defense-packs/{id}", "defense_pack");
    }

    private static final Set<String> CIRCLE_BEARING = Set.of(
            "legal_hold",
            "authority_grant",
            "authority_token",
            "role_assignment",
            "emergency_run",
            "claim",
            "claim_dossier",
            "dispute",
            "defense_pack",
            "evidence_object",
            "evidence_bundle");

    record Route(HttpMethod method, String path, String kind, int success, Map<String, Object> schema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private CircleWorld world;
    private Map<String, Object> components;
    private UUID refusalIndividual;
    private UUID refusalMaterial;

    @Test
    void everyObjectRouteAnswersTheContractInEveryCell() throws Exception {
        List<Route> routes = objectRoutes();
        assertThat(routes)
                .extracting(Route::path)
                .contains(
                        "/api/operator/legal/holds/{id}/release",
                        "/api/authority/grants/{id}/scopes",
                        "/api/operator/roles/assignments/{id}/revoke");
        world = new CircleWorld(this);
        refusalIndividual = world.newMember();
        refusalMaterial = world.sealedEvidence(Placement.TENANT_WIDE);
        UUID successMaterial = world.sealedEvidence(Placement.TENANT_WIDE);

        // One object per route and placement takes every refusal; a cell that should succeed gets its own.
        Map<String, UUID> refusalObjects = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Placement placement : placements(route.kind())) {
                refusalObjects.put(route + " @ " + placement, world.make(route.kind(), placement));
            }
        }
        Set<UUID> witnesses = new java.util.HashSet<>(Set.of(refusalIndividual, refusalMaterial));
        refusalObjects.forEach((cell, id) -> {
            if (!cell.startsWith("POST /api/circles/")) {
                witnesses.add(id);
            }
        });
        Thread.sleep(1_500); // the audit table may trail the event store by up to a second
        Map<UUID, long[]> before = footprint(witnesses);

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Route route : routes) {
            for (Placement placement : placements(route.kind())) {
                for (Actor actor : Actor.values()) {
                    for (Header header : Header.values()) {
                        cells++;
                        int expected = expected(route, actor, header, placement);
                        boolean refusal = expected >= 400;
                        UUID object = refusal
                                ? refusalObjects.get(route + " @ " + placement)
                                : world.make(route.kind(), placement);
                        Map<String, Object> body = body(
                                route,
                                object,
                                refusal ? refusalIndividual : world.newMember(),
                                refusal ? refusalMaterial : successMaterial);
                        int got = send(route, object, actor, header, body);
                        if (got != expected) {
                            wrong.add(route + " on " + placement + " by " + actor + " with header " + header
                                    + ": expected " + expected + ", got " + got);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("cells answering against the contract").isEmpty();
        assertThat(cells).isGreaterThan(500);

        Thread.sleep(1_500);
        Map<UUID, long[]> after = footprint(witnesses);
        List<String> changed = new ArrayList<>();
        before.forEach((id, counts) -> {
            long[] now = after.get(id);
            if (now[0] != counts[0] || now[1] != counts[1]) {
                changed.add(
                        id + ": events " + counts[0] + " -> " + now[0] + ", audit rows " + counts[1] + " -> " + now[1]);
            }
        });
        assertThat(changed).as("objects a refused action changed").isEmpty();
    }

    /** The contract, in its order: membership, the header's circle, visibility, then the role's reach. */
    private int expected(Route route, Actor actor, Header header, Placement placement) {
        if (actor == Actor.NON_MEMBER || header == Header.FOREIGN) {
            return 403;
        }
        if (placement == Placement.OTHER_TENANT) {
            return 404;
        }
        // Circles belong to the tenant's directory, which every member sees; anything else of another circle is
        // invisible to these callers.
        if (placement == Placement.OTHER_CIRCLE && !route.kind().equals("circle")) {
            return 404;
        }
        boolean reaches = switch (actor) {
            case TENANT_ROLE -> true;
            case SAME_CIRCLE_ROLE -> header == Header.OWN && placement == Placement.OWN_CIRCLE;
            default -> false;
        };
        return reaches ? route.success() : 403;
    }

    private List<Placement> placements(String kind) {
        if (kind.equals("circle")) {
            return List.of(Placement.OWN_CIRCLE, Placement.OTHER_CIRCLE, Placement.OTHER_TENANT);
        }
        return CIRCLE_BEARING.contains(kind)
                ? List.of(Placement.values())
                : List.of(Placement.TENANT_WIDE, Placement.OTHER_TENANT);
    }

    private int send(Route route, UUID object, Actor actor, Header header, Map<String, Object> body) {
        UUID circle = switch (header) {
            case NONE -> null;
            case OWN -> world.own;
            case FOREIGN -> world.other;
        };
        var request = http().method(route.method())
                .uri(route.path().replace("{id}", object.toString()))
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(world.id(actor)));
                    h.set("x-tenant-id", world.tenant.toString());
                    if (circle != null) {
                        h.set("x-circle-id", circle.toString());
                    }
                });
        var response = route.schema() == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
        return response.returnResult(String.class).getStatus().value();
    }

    /** A valid body from the route's schema: its required fields, with values that mean something here. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Route route, UUID object, UUID individual, UUID material) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (route.schema() == null) {
            return body;
        }
        Map<String, Object> properties = (Map<String, Object>) route.schema().getOrDefault("properties", Map.of());
        List<String> required = (List<String>) route.schema().getOrDefault("required", List.of());
        Map<String, Function<Map<String, Object>, Object>> meaningful = Map.ofEntries(
                Map.entry("individual_id", property -> individual),
                Map.entry("target_type", property -> "evidence_object"),
                Map.entry("target_id", property -> material),
                Map.entry("scope_type", property -> "evidence_object"),
                Map.entry("scope_id", property -> material),
                Map.entry("evidence_id", property -> material),
                Map.entry("material_id", property -> material),
                Map.entry("grantee_individual_id", property -> individual),
                Map.entry("scope_key", property -> "site_access"),
                Map.entry(
                        "scope_grant_id",
                        property ->
                                world.scopeGrantOf(object) == null ? UUID.randomUUID() : world.scopeGrantOf(object)),
                Map.entry(
                        "expires_at",
                        property -> Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        properties.forEach((name, property) -> {
            String field = snake(name);
            if (meaningful.containsKey(field)) {
                body.put(field, meaningful.get(field).apply((Map<String, Object>) property));
            } else if (required.contains(name)) {
                Map<String, Object> type = (Map<String, Object>) property;
                body.put(
                        field,
                        "uuid".equals(type.get("format"))
                                ? UUID.randomUUID()
                                : type.containsKey("enum")
                                        ? ((List<Object>) type.get("enum")).get(0)
                                        : type.containsKey("pattern")
                                                ? ((String) type.get("pattern")).split("\\|")[0]
                                                : "matrix check");
            }
        });
        return body;
    }

    /** Every POST or DELETE under /api/ with an object id in its path, with its documented success status. */
    @SuppressWarnings("unchecked")
    private List<Route> objectRoutes() {
        Map<String, Object> document = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        components = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        List<Route> routes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) -> {
            if (!path.startsWith("/api/") || !path.contains("{id}")) {
                return;
            }
            operations.forEach((method, operation) -> {
                if (!method.equals("post") && !method.equals("delete")) {
                    return;
                }
                String kind = KINDS.entrySet().stream()
                        .filter(entry -> path.startsWith(entry.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (kind == null) {
                    unknown.add(method + " " + path);
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) operation;
                // A creating route also documents the 200 of a repeated client_request_id; each cell acts first.
                int success = ((Map<String, Object>) op.get("responses"))
                        .keySet().stream()
                                .filter(code -> code.startsWith("2"))
                                .mapToInt(Integer::parseInt)
                                .max()
                                .orElseThrow();
                routes.add(new Route(
                        HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path, kind, success, schema(op)));
            });
        });
        assertThat(unknown)
                .as("object routes the matrix cannot make an object for: add a fixture")
                .isEmpty();
        return routes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(Map<String, Object> operation) {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        Map<String, Object> schema = (Map<String, Object>)
                ((Map<String, Object>) content.values().iterator().next()).get("schema");
        String ref = (String) schema.get("$ref");
        return ref == null ? schema : (Map<String, Object>) components.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** For each id: the events that name it, and the audit rows about it, seen past row-level security. */
    private Map<UUID, long[]> footprint(Set<UUID> ids) throws SQLException {
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement events = db.prepareStatement("SELECT count(*) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? OR position(? in convert_from(payload, 'UTF8')) > 0");
                PreparedStatement audit = db.prepareStatement("SELECT count(*) FROM cc_operator_events "
                        + "WHERE subject_id = ?::uuid OR position(? in payload::text) > 0")) {
            for (UUID id : ids) {
                counts.put(id, new long[] {count(events, id), count(audit, id)});
            }
        }
        return counts;
    }

    private static long count(PreparedStatement statement, UUID id) throws SQLException {
        statement.setString(1, id.toString());
        statement.setString(2, id.toString());
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
