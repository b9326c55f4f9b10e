package dev.custos.api.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Generates requests for the operations of an OpenAPI document, at random from one seed. */
public final class RequestGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BROKEN_BODIES = List.of(
            "{",
            "[]",
            "null",
            "\"text\"",
            "42",
            "{\"a\":}",
            "{\"title\":\"a\",\"title\":\"b\"}",
            "{\"reason\":\"\\u0000\"}",
            "\u0000",
            "{}",
            "[".repeat(3000) + "]".repeat(3000),
            "{\"x\":" + "1".repeat(5000) + "}");

    private final OpenAPI api;
    private final World world;
    private final Values values;
    private final List<Target> targets = new ArrayList<>();

    public RequestGenerator(OpenAPI api, World world, Random random) {
        this.api = api;
        this.world = world;
        this.values = new Values(random, world);
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> targets.add(new Target(method, path, operation))));
        targets.sort(java.util.Comparator.comparing(target -> target.method() + " " + target.path()));
    }

    public FuzzedRequest next() {
        Target target = values.pick(targets);
        Operation operation = target.operation();
        String path = target.path();
        String validation = target.path();
        for (Parameter parameter : parameters(operation, "path")) {
            String placeholder = "{" + parameter.getName() + "}";
            path = path.replace(placeholder, values.id());
            validation = validation.replace(placeholder, UUID.randomUUID().toString());
        }
        path = path + query(operation);
        Map<String, String> headers = new LinkedHashMap<>();
        credentials(target.path(), headers);
        tenancy(operation, headers);
        byte[] body = null;
        if (target.path().equals("/api/evidence") && target.method() == PathItem.HttpMethod.POST) {
            body = upload(headers);
        } else if (operation.getRequestBody() != null || values.chance(0.05)) {
            body = body(operation, headers);
        }
        return new FuzzedRequest(operation.getOperationId(), target.method().name(), path, validation, headers, body);
    }

    private List<Parameter> parameters(Operation operation, String in) {
        return operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream()
                        .filter(parameter -> in.equals(parameter.getIn()))
                        .toList();
    }

    private String query(Operation operation) {
        List<String> pairs = new ArrayList<>();
        for (String name : List.of("limit", "offset")) {
            if (values.chance(0.3)) {
                pairs.add(name + "=" + values.pick(Values.NUMBERS));
            }
        }
        for (Parameter parameter : parameters(operation, "query")) {
            if (values.chance(0.4)) {
                Object value = parameter.getName().endsWith("_id") ? values.id() : values.text(null);
                pairs.add(parameter.getName() + "="
                        + java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private void credentials(String path, Map<String, String> headers) {
        int roll = values.chance(0.75) ? 0 : values.chance(0.4) ? 1 : values.chance(0.5) ? 2 : 3;
        String token = path.startsWith("/p/") ? world.sessionToken() : world.operatorToken();
        if (roll == 0) {
            headers.put(
                    "Authorization",
                    "Bearer "
                            + ((path.startsWith("/api/tenants") && values.chance(0.3)) || path.startsWith("/api/admin")
                                    ? world.adminToken()
                                    : token));
        } else if (roll == 1) {
            headers.put(
                    "Authorization",
                    "Bearer "
                            + values.pick(
                                    List.of("garbage", "a.b.c", "", world.adminToken(), world.operatorToken() + "x")));
        } else if (roll == 2) {
            headers.put("Authorization", values.pick(List.of("Basic Zm9vOmJhcg==", "Bearer", "bearer " + token)));
        }
    }

    private void tenancy(Operation operation, Map<String, String> headers) {
        if (parameters(operation, "header").stream()
                .noneMatch(parameter -> "x-tenant-id".equals(parameter.getName()))) {
            return;
        }
        if (values.chance(0.85)) {
            headers.put("x-tenant-id", world.tenant().toString());
        } else if (values.chance(0.7)) {
            headers.put("x-tenant-id", values.chance(0.5) ? UUID.randomUUID().toString() : values.pick(Values.BAD_IDS));
        }
        if (values.chance(0.15)) {
            headers.put("x-circle-id", values.chance(0.5) ? world.circle().toString() : values.id());
        }
    }

    private byte[] upload(Map<String, String> headers) {
        headers.put(
                "Content-Type",
                values.pick(List.of(
                        "text/plain", "application/pdf", "image/png", "text", "@@@/;;;", "application/octet-stream")));
        if (values.chance(0.8)) {
            headers.put("x-evidence-title", values.pick(List.of("Photo", "résumé", "a".repeat(600), "  ", "%41")));
        } else if (values.chance(0.5)) {
            headers.put(
                    "x-evidence-title*",
                    values.pick(List.of(
                            "UTF-8''r%C3%A9sum%C3%A9", "UTF-8''%FF%FE", "latin1''x", "UTF-8''%00", "nonsense")));
        }
        if (values.chance(0.2)) {
            headers.put("x-evidence-occurred-at", String.valueOf(values.time()));
        }
        if (values.chance(0.2)) {
            headers.put("x-claim-id", values.id());
        }
        return ("fuzzed evidence " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] body(Operation operation, Map<String, String> headers) {
        int roll = values.chance(0.7) ? 0 : values.chance(0.8) ? 1 : 2;
        headers.put(
                "Content-Type",
                roll == 2
                        ? values.pick(List.of(
                                "text/plain",
                                "application/xml",
                                "text",
                                "application/json; charset=nope",
                                "application/json; charset=UTF-16"))
                        : "application/json");
        if (roll == 1) {
            return values.pick(BROKEN_BODIES).getBytes(StandardCharsets.UTF_8);
        }
        Schema<?> schema = requestSchema(operation);
        Object value = schema == null ? Map.of() : value(schema, 0);
        if (values.chance(0.02)) {
            value = Map.of("title", "h".repeat(300 * 1024));
        }
        return JSON.writeValueAsBytes(value);
    }

    private Schema<?> requestSchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        return operation.getRequestBody().getContent().values().stream()
                .map(media -> (Schema<?>) media.getSchema())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("rawtypes")
    private Object value(Schema<?> schema, int depth) {
        Schema<?> resolved = resolve(schema);
        if (values.chance(0.08) || depth > 4) {
            return values.chance(0.3) ? null : values.wrongType();
        }
        String type = type(resolved);
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Schema> properties = resolved.getProperties() == null ? Map.of() : resolved.getProperties();
                List<String> required = resolved.getRequired() == null ? List.of() : resolved.getRequired();
                properties.forEach((name, property) -> {
                    if (required.contains(name) ? values.chance(0.95) : values.chance(0.6)) {
                        object.put(name, value(property, depth + 1));
                    }
                });
                if (values.chance(0.05)) {
                    object.put("unexpected_field", values.text(null));
                }
                return object;
            }
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int count = values.pick(List.of(0, 1, 2, 3, 1001));
                for (int i = 0; i < count; i++) {
                    items.add(resolved.getItems() == null ? "x" : value(resolved.getItems(), depth + 1));
                }
                return items;
            }
            case "integer", "number" -> {
                return values.integer(resolved.getMinimum(), resolved.getMaximum());
            }
            case "boolean" -> {
                return values.chance(0.9) ? values.chance(0.5) : "yes";
            }
            default -> {
                if ("uuid".equals(resolved.getFormat())) {
                    return values.id();
                }
                if ("date-time".equals(resolved.getFormat())) {
                    return values.time();
                }
                if (resolved.getEnum() != null && !resolved.getEnum().isEmpty() && values.chance(0.8)) {
                    return values.pick(resolved.getEnum());
                }
                if (resolved.getPattern() != null && values.chance(0.5)) {
                    String[] alternatives =
                            resolved.getPattern().replaceAll("[\\^$()]", "").split("\\|");
                    return values.pick(List.of(alternatives));
                }
                return values.text(resolved.getMaxLength());
            }
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int i = 0; i < 5 && current != null && current.get$ref() != null; i++) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = api.getComponents().getSchemas().get(name);
        }
        return current == null ? new Schema<>() : current;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream()
                    .filter(type -> !"null".equals(type))
                    .findFirst()
                    .orElse("string");
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    private record Target(PathItem.HttpMethod method, String path, Operation operation) {}
}
