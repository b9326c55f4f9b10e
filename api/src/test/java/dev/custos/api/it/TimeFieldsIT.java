package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every time a caller can send, found in the service's own OpenAPI document (a request-body property, a header or a
 * query parameter with {@code format: date-time} or {@code format: date}), obeys the edge's one time rule: outside
 * 0001-01-01 … 9999-12-31 (UTC) it is a 400 problem naming the field and nothing changes; inside, what is accepted is
 * stored and served back exactly, to the microsecond. A new time field joins the refusals by itself; its round trip
 * must be named in {@link #ROUND_TRIPS}, or the test fails and says which is missing.
 */
class TimeFieldsIT extends IntegrationTest {

    private static final List<String> BAD_INSTANTS = List.of(
            "0000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z",
            "+294277-01-01T00:00:00Z",
            "-0001-12-31T23:59:59.999999Z",
            "9999-12-31T23:59:59.999999-00:01");
    private static final List<String> BAD_DATES =
            List.of("0000-01-01", "-999999999-01-01", "+10000-01-01", "+294277-01-01", "-0001-12-31");
    private static final String FIRST = "0001-01-01T00:00:00Z";
    private static final String LAST = "9999-12-31T23:59:59.999999Z";

    /** Where each time input's accepted value is served back, by "METHOD path where:name". */
    private final Map<String, BiConsumer<TimeInput, World>> roundTrips = new TreeMap<>();

    private World world;

    /** What the time inputs are sent in: a tenant whose operator holds every role, with an object of each kind. */
    private record World(Caller operator, Map<String, UUID> objects) {}

    /** One time a caller can send: in a body (its dotted JSON path), a header or a query. */
    private record TimeInput(String method, String path, String where, String name, boolean date, Operation operation) {

        String key() {
            return method + " " + path + " " + where + ":" + name;
        }
    }

    @BeforeEach
    void aWorld() {
        UUID individual = UUID.randomUUID();
        Caller operator = as(individual, createTenant(individual));
        for (String role : List.of("legal_operator", "insurance_operator", "emergency_operator")) {
            operator.assign(role, individual, null);
        }
        Map<String, UUID> objects = new HashMap<>();
        UUID run = id(operator.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Flood"))
                .expectStatus()
                .isCreated());
        Evidence.uploadFor(operator, "x-emergency-run-id", run, "Cellar");
        operator.post("/api/operator/emergency/runs/" + run + "/generate-record-pack", Map.of())
                .expectStatus()
                .isCreated();
        objects.put("/api/operator/emergency/runs/", run);
        UUID claim = id(operator.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-" + UUID.randomUUID(),
                                "policy_ref",
                                "POL-1",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail"))
                .expectStatus()
                .isCreated());
        UUID photo = Evidence.uploadFor(operator, "x-claim-id", claim, "Roof");
        objects.put("/api/insurance/claims/", claim);
        objects.put("/api/operator/insurance/claims/", claim);
        UUID dossier = id(operator.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isCreated());
        objects.put("/api/operator/insurance/dossiers/", dossier);
        UUID dispute = id(operator.post("/api/disputes", Map.of("title", "Smith v. Acme", "counterparty", "Smith"))
                .expectStatus()
                .isCreated());
        operator.post(
                        "/api/disputes/" + dispute + "/materials",
                        Map.of("material_type", "evidence_object", "material_id", photo))
                .expectStatus()
                .isOk();
        objects.put("/api/disputes/", dispute);
        objects.put("/api/operator/disputes/", dispute);
        objects.put(
                "/api/operator/defense-packs/",
                id(operator.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                        .expectStatus()
                        .isCreated()));
        objects.put(
                "/api/authority/grants/",
                id(operator.post(
                                "/api/authority/grants",
                                Map.of(
                                        "grant_type",
                                        "adjuster",
                                        "title",
                                        "Adjuster",
                                        "expires_at",
                                        Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                        .expectStatus()
                        .isCreated()));
        objects.put("/api/evidence/", photo);
        world = new World(operator, objects);
    }

    private static UUID id(WebTestClient.ResponseSpec created) {
        Map<?, ?> body = created.expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }

    @Test
    void everyTimeInputRefusesWhatIsOutsideTheRangeAndChangesNothing() {
        List<TimeInput> inputs = timeInputs();
        assertThat(inputs)
                .extracting(TimeInput::key)
                .contains(
                        "POST /api/insurance/claims body:loss_date",
                        "POST /api/evidence header:x-evidence-occurred-at",
                        "GET /api/usage query:from",
                        "GET /api/usage query:to",
                        "POST /api/operator/emergency/runs/{id}/grant-scope body:expires_at",
                        "POST /api/authority/grants body:expires_at");
        List<String> failures = new ArrayList<>();
        for (TimeInput input : inputs) {
            for (String bad : input.date() ? BAD_DATES : BAD_INSTANTS) {
                long events = events();
                WebTestClient.ResponseSpec answer = send(input, bad);
                Map<?, ?> problem = answer.expectBody(Map.class).returnResult().getResponseBody();
                String problemText = String.valueOf(problem);
                if (problem == null
                        || !Integer.valueOf(400).equals(problem.get("status"))
                        || !problemText.contains("field=" + input.name() + ",")) {
                    failures.add(input.key() + " = " + bad + " -> " + problemText);
                }
                if (problemText.contains(bad)) {
                    failures.add(input.key() + " = " + bad + " echoed the value: " + problemText);
                }
                if (events() != events) {
                    failures.add(input.key() + " = " + bad + " stored an event");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyTimeInputServesBackExactlyWhatItAccepted() {
        List<String> missing = new ArrayList<>();
        for (TimeInput input : timeInputs()) {
            BiConsumer<TimeInput, World> roundTrip = roundTrips.get(input.key());
            if (roundTrip == null) {
                missing.add(input.key());
            } else {
                roundTrip.accept(input, world);
            }
        }
        assertThat(missing)
                .as("time inputs whose round trip is not tested: add them to roundTrips")
                .isEmpty();
    }

    {
        roundTrips.put("POST /api/insurance/claims body:loss_date", (input, w) -> {
            // A loss date cannot be in the future (a rule of the claim), so the far edge is refused for that reason.
            Map<?, ?> claim = body(w.operator()
                    .post(
                            "/api/insurance/claims",
                            Map.of(
                                    "claim_number",
                                    "CLM-" + UUID.randomUUID(),
                                    "policy_ref",
                                    "POL-1",
                                    "loss_date",
                                    "0001-01-01",
                                    "title",
                                    "Old"))
                    .expectStatus()
                    .isCreated());
            assertThat(claim.get("loss_date")).isEqualTo("0001-01-01");
            assertThat(stored("SELECT loss_date::text FROM cc_insurance_claims WHERE id = '" + claim.get("id") + "'"))
                    .isEqualTo("0001-01-01");
        });
        roundTrips.put("POST /api/evidence header:x-evidence-occurred-at", (input, w) -> {
            Map<String, String> sentAndServed = new LinkedHashMap<>();
            sentAndServed.put(FIRST, FIRST);
            sentAndServed.put(LAST, LAST);
            // Finer than PostgreSQL keeps: truncated to the microsecond, never rounded into the year 10000.
            sentAndServed.put("9999-12-31T23:59:59.999999999Z", LAST);
            sentAndServed.put("2026-11-20T10:00:00.1234565Z", "2026-11-20T10:00:00.123456Z");
            sentAndServed.forEach((sent, served) -> {
                Map<?, ?> summary = body(upload(w.operator(), Map.of("x-evidence-occurred-at", sent))
                        .expectStatus()
                        .isCreated());
                assertThat(summary.get("occurred_at")).as(sent).isEqualTo(served);
                w.operator()
                        .get("/api/evidence/" + summary.get("id"))
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.occurred_at")
                        .isEqualTo(served);
            });
        });
        BiConsumer<TimeInput, World> usage = (input, w) -> w.operator()
                .get("/api/usage?from=" + FIRST + "&to=" + LAST)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo(FIRST)
                .jsonPath("$.to")
                .isEqualTo(LAST);
        roundTrips.put("GET /api/usage query:from", usage);
        roundTrips.put("GET /api/usage query:to", usage);
        roundTrips.put("POST /api/operator/emergency/runs/{id}/grant-scope body:expires_at", (input, w) -> {
            UUID member = UUID.randomUUID();
            w.operator().addMember(member);
            String run = "/api/operator/emergency/runs/" + w.objects().get("/api/operator/emergency/runs/");
            Map<?, ?> scope = body(w.operator()
                    .post(
                            run + "/grant-scope",
                            Map.of(
                                    "grantee_individual_id",
                                    member,
                                    "scope_key",
                                    "site_access",
                                    "expires_at",
                                    "9999-12-31T23:59:59.999999999Z"))
                    .expectStatus()
                    .isCreated());
            assertThat(scope.get("expires_at")).isEqualTo(LAST);
            assertThat(String.valueOf(body(w.operator()
                                    .get(run + "/dashboard")
                                    .expectStatus()
                                    .isOk())
                            .get("grants")))
                    .contains("expires_at=" + LAST);
        });
        // Grants, tokens and shares live at most the tenant's grant lifetime, so their far edge is refused by that
        // rule; what they show is the precision: finer digits are truncated, the same in the answer and the list.
        roundTrips.put("POST /api/authority/grants body:expires_at", (input, w) -> {
            String[] sentAndServed = soon();
            Map<?, ?> grant = body(w.operator()
                    .post(
                            "/api/authority/grants",
                            Map.of("grant_type", "adjuster", "title", "Soon", "expires_at", sentAndServed[0]))
                    .expectStatus()
                    .isCreated());
            assertThat(grant.get("expires_at")).isEqualTo(sentAndServed[1]);
            assertThat(String.valueOf(body(w.operator()
                            .get("/api/authority/grants?limit=500")
                            .expectStatus()
                            .isOk())))
                    .contains("id=" + grant.get("id") + ",")
                    .contains("expires_at=" + sentAndServed[1]);
        });
        roundTrips.put("POST /api/authority/grants/{id}/tokens body:expires_at", (input, w) -> {
            String[] sentAndServed = soon();
            assertThat(body(w.operator()
                                    .post(
                                            "/api/authority/grants/"
                                                    + w.objects().get("/api/authority/grants/") + "/tokens",
                                            Map.of("expires_at", sentAndServed[0]))
                                    .expectStatus()
                                    .isCreated())
                            .get("expires_at"))
                    .isEqualTo(sentAndServed[1]);
        });
        BiConsumer<TimeInput, World> share = (input, w) -> {
            String[] sentAndServed = soon();
            assertThat(body(w.operator()
                                    .post(
                                            path(input, w),
                                            Map.of(
                                                    "grant_type",
                                                    "adjuster",
                                                    "title",
                                                    "Share",
                                                    "expires_at",
                                                    sentAndServed[0]))
                                    .expectStatus()
                                    .isCreated())
                            .get("expires_at"))
                    .isEqualTo(sentAndServed[1]);
        };
        for (String owner : List.of(
                "/api/operator/emergency/runs/{id}",
                "/api/operator/insurance/dossiers/{id}",
                "/api/operator/defense-packs/{id}")) {
            roundTrips.put("POST " + owner + "/share-authority body:expires_at", share);
        }
    }

    /** An expiry a day ahead with nanoseconds, and what the service keeps of it (the microsecond, truncated). */
    private static String[] soon() {
        Instant sent = Instant.now()
                .plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusNanos(123_456_789);
        return new String[] {
            sent.toString(), sent.truncatedTo(ChronoUnit.MICROS).toString()
        };
    }

    private WebTestClient.ResponseSpec send(TimeInput input, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : input.operation().getParameters() == null
                ? List.<Parameter>of()
                : input.operation().getParameters()) {
            boolean time = isTime(parameter.getSchema());
            String given = parameter.getName().equals(input.name())
                    ? value
                    : time ? "2026-01-01T00:00:00Z" : Boolean.TRUE.equals(parameter.getRequired()) ? "x" : null;
            if (given == null
                    || "path".equals(parameter.getIn())
                    || parameter.getName().startsWith("x-tenant")) {
                continue;
            }
            if ("query".equals(parameter.getIn())) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(parameter.getName())
                        .append('=')
                        .append(java.net.URLEncoder.encode(given, StandardCharsets.UTF_8));
            } else if ("header".equals(parameter.getIn())) {
                headers.put(parameter.getName(), given);
            }
        }
        String uri = path(input, world) + query;
        WebTestClient.RequestBodySpec request = http().method(HttpMethod.valueOf(input.method()))
                .uri(java.net.URI.create("http://localhost:" + port + uri))
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(world.operator().individual()));
                    h.set("x-tenant-id", world.operator().tenant().toString());
                    headers.forEach(h::set);
                });
        if (input.where().equals("body")) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(nested(input.name(), value))
                    .exchange();
        }
        if (input.operation().getRequestBody() == null && "POST".equals(input.method())) {
            return request.contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("evidence".getBytes(StandardCharsets.UTF_8))
                    .exchange();
        }
        return request.exchange();
    }

    /** {@code a.b} = v as {@code {"a": {"b": v}}}: only the time itself, which is read before anything else. */
    private static Map<String, Object> nested(String dotted, String value) {
        String[] names = dotted.split("\\.");
        Map<String, Object> inner = new HashMap<>(Map.of(names[names.length - 1], value));
        for (int i = names.length - 2; i >= 0; i--) {
            inner = new HashMap<>(Map.of(names[i], inner));
        }
        return inner;
    }

    private static String path(TimeInput input, World world) {
        if (!input.path().contains("{id}")) {
            return input.path();
        }
        String owner = input.path().substring(0, input.path().indexOf("{id}"));
        UUID object = world.objects().get(owner);
        assertThat(object).as("an object of the world for " + input.path()).isNotNull();
        return input.path().replace("{id}", object.toString());
    }

    private static WebTestClient.ResponseSpec upload(Caller caller, Map<String, String> headers) {
        return caller.http()
                .post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(caller.individual()));
                    h.set("x-tenant-id", caller.tenant().toString());
                    h.set("x-evidence-title", "Dated");
                    headers.forEach(h::set);
                })
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(("dated " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private static Map<?, ?> body(WebTestClient.ResponseSpec answer) {
        return answer.expectBody(Map.class).returnResult().getResponseBody();
    }

    private long events() {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM domain_event_entry WHERE tenant_id = '"
                        + world.operator().tenant() + "'");
    }

    private String stored(String sql) {
        try (java.sql.Connection db = TestDatabase.superuser(databaseName());
                java.sql.Statement statement = db.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every time input of the document: body properties (nested ones too), headers and query parameters. */
    private List<TimeInput> timeInputs() {
        String document = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        OpenAPI api = new OpenAPIV3Parser().readContents(document).getOpenAPI();
        List<TimeInput> inputs = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getParameters() != null) {
                        for (Parameter parameter : operation.getParameters()) {
                            if (isTime(parameter.getSchema())) {
                                inputs.add(new TimeInput(
                                        method.name(),
                                        path,
                                        parameter.getIn(),
                                        parameter.getName(),
                                        "date".equals(parameter.getSchema().getFormat()),
                                        operation));
                            }
                        }
                    }
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .values()
                                .forEach(media -> properties(api, media.getSchema(), "", 0)
                                        .forEach((name, schema) -> inputs.add(new TimeInput(
                                                method.name(),
                                                path,
                                                "body",
                                                name,
                                                "date".equals(schema.getFormat()),
                                                operation))));
                    }
                }));
        return inputs;
    }

    /** The time properties of a body schema, by dotted path. */
    private static Map<String, Schema<?>> properties(OpenAPI api, Schema<?> schema, String prefix, int depth) {
        Map<String, Schema<?>> times = new TreeMap<>();
        Schema<?> resolved = resolve(api, schema);
        if (depth > 4 || resolved == null || resolved.getProperties() == null) {
            return times;
        }
        resolved.getProperties().forEach((name, property) -> {
            Schema<?> target = resolve(api, property);
            if (isTime(target)) {
                times.put(prefix + name, target);
            } else {
                times.putAll(properties(api, target, prefix + name + ".", depth + 1));
            }
        });
        return times;
    }

    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Schema<?> current = schema;
        for (int i = 0; i < 5 && current != null && current.get$ref() != null; i++) {
            current = api.getComponents().getSchemas().get(current.get$ref().replaceFirst(".*/", ""));
        }
        return current;
    }

    private static boolean isTime(Schema<?> schema) {
        return schema != null && ("date-time".equals(schema.getFormat()) || "date".equals(schema.getFormat()));
    }
}
