package dev.custos.api.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every answer the integration tests receive to the service's own OpenAPI document, strictly: the route and
 * status must be documented, the media type must be one the document names, and a JSON body must validate against
 * its schema with no property the schema does not list and no null the schema does not allow. A drift between the
 * document and the service fails the test that met it, at the request that showed it.
 */
public final class AnswerContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, AnswerContract> BY_PORT = new ConcurrentHashMap<>();
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final JsonNode document;
    private final List<Route> routes;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private AnswerContract(JsonNode document) {
        this.document = strict(document.deepCopy());
        this.routes = routes(this.document);
    }

    /** The contract of the service on {@code port}, read once from its {@code /v3/api-docs}. */
    public static AnswerContract of(int port) {
        return BY_PORT.computeIfAbsent(port, AnswerContract::load);
    }

    /** A client filter that checks each answer and hands the test the same answer, body and all. */
    public ExchangeFilterFunction filter() {
        return (request, next) -> next.exchange(request).flatMap(response -> {
            if (!checked(request)) {
                return Mono.just(response);
            }
            return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(body -> {
                check(request, response, body);
                return response.mutate()
                        .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                        .build();
            });
        });
    }

    private static boolean checked(ClientRequest request) {
        String path = request.url().getRawPath();
        return path.startsWith("/api/") || path.startsWith("/p/");
    }

    private void check(ClientRequest request, ClientResponse response, byte[] body) {
        int status = response.statusCode().value();
        String path = request.url().getRawPath();
        String what = request.method() + " " + path + " -> " + status;
        Optional<MediaType> contentType = response.headers().contentType();
        Optional<Route> route = routes.stream()
                .filter(candidate -> candidate.matches(request.method(), path))
                .min(Comparator.comparingInt(Route::variables));
        if (route.isEmpty()) {
            if (status < 400) {
                throw new AssertionError(what + ": a route the OpenAPI document does not describe");
            }
            // An unknown path or method: its refusal is a problem like any other.
            validateProblem(what, contentType, body);
            return;
        }
        JsonNode responses = route.get().operation().path("responses");
        String declared = responses.has(String.valueOf(status)) ? String.valueOf(status) : "default";
        JsonNode answer = responses.path(declared);
        if (answer.isMissingNode()) {
            throw new AssertionError(what + ": a status the document does not list for "
                    + route.get().id());
        }
        JsonNode content = answer.path("content");
        if (body.length == 0 && (content.isMissingNode() || content.isEmpty() || status == 429)) {
            return;
        }
        MediaType type = contentType.orElseThrow(() -> new AssertionError(what + ": a body with no Content-Type"));
        String mediaType = type.getType() + "/" + type.getSubtype();
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            throw new AssertionError(what + ": " + mediaType + " is not among the documented media types "
                    + iterable(content.propertyNames()) + " of " + route.get().id() + " " + declared);
        }
        String key = route.get().id() + " " + declared + " " + mediaType;
        if (mediaType.equals("application/x-ndjson")) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    validate(what, key, lineSchema(media.path("schema")), line);
                }
            }
        } else if (mediaType.endsWith("json")) {
            validate(what, key, media.path("schema"), new String(body, StandardCharsets.UTF_8));
        }
    }

    /** An NDJSON answer is text whose lines each follow the schema it names. */
    private static JsonNode lineSchema(JsonNode schema) {
        JsonNode line = schema.path("x-line-schema");
        if (line.isMissingNode()) {
            throw new AssertionError("an NDJSON answer must name the schema of its lines (x-line-schema): " + schema);
        }
        return line;
    }

    private void validateProblem(String what, Optional<MediaType> contentType, byte[] body) {
        if (body.length == 0) {
            return;
        }
        boolean problem = contentType
                .map(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .orElse(false);
        if (!problem) {
            throw new AssertionError(what + ": a refusal that is not application/problem+json (" + contentType + ")");
        }
        ObjectNode schema = JSON.createObjectNode().put("$ref", "#/components/schemas/Problem");
        validate(what, "problem", schema, new String(body, StandardCharsets.UTF_8));
    }

    private void validate(String what, String key, JsonNode schema, String body) {
        Schema validator = compiled.computeIfAbsent(key, ignored -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", DIALECT);
            root.set("components", document.path("components"));
            root.set("allOf", JSON.createArrayNode().add(schema));
            return registry.getSchema(root);
        });
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            throw new AssertionError(what + ": a body that is not JSON: " + abbreviate(body));
        }
        List<String> errors = validator.validate(answer).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(
                    what + ": the answer breaks the OpenAPI document: " + errors + " in " + abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    private static <T> List<T> iterable(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /**
     * Every example of a success answer, a JSON one (and each line of an NDJSON one) checked as strictly as a real
     * answer: what breaks its schema, by operation; and the success answers that have no example.
     */
    public List<String> examplesThatBreakTheirSchemas() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> answer :
                        operation.getValue().path("responses").properties()) {
                    if (!answer.getKey().startsWith("2")) {
                        continue;
                    }
                    String what = operation.getKey() + " " + path.getKey() + " " + answer.getKey();
                    for (Map.Entry<String, JsonNode> media :
                            answer.getValue().path("content").properties()) {
                        checkExample(what + " " + media.getKey(), media.getKey(), media.getValue(), wrong);
                    }
                }
            }
        }
        return wrong;
    }

    private void checkExample(String what, String mediaType, JsonNode media, List<String> wrong) {
        JsonNode example = media.get("example");
        if (example == null) {
            wrong.add(what + ": no example");
            return;
        }
        try {
            if (mediaType.equals("application/json")) {
                validate(what, what, media.path("schema"), JSON.writeValueAsString(example));
            } else if (mediaType.equals("application/x-ndjson")) {
                for (String line : example.asString().split("\n")) {
                    validate(what, what + " line", lineSchema(media.path("schema")), line);
                }
            }
        } catch (AssertionError broken) {
            wrong.add(broken.getMessage());
        }
    }

    /** Every object schema with listed properties takes no others: an undocumented field is a drift. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(AnswerContract::strict);
        } else if (node.isArray()) {
            node.values().forEach(AnswerContract::strict);
        }
        return node;
    }

    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> routes.add(new Route(
                                HttpMethod.valueOf(operation.getKey().toUpperCase(java.util.Locale.ROOT)),
                                Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+")),
                                path.getKey().split("\\{", -1).length - 1,
                                operation.getValue()))));
        return routes;
    }

    private static AnswerContract load(int port) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new AnswerContract(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Route(HttpMethod method, Pattern path, int variables, JsonNode operation) {

        boolean matches(HttpMethod asked, String rawPath) {
            return method.equals(asked) && path.matcher(rawPath).matches();
        }

        String id() {
            return operation.path("operationId").asString();
        }
    }
}
