package dev.custos.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every operation's success answer an example, a JSON one made from its final schema, so a reader of the document
 * sees the shape of a real answer at once: ids are UUIDs, times RFC 3339 UTC, hashes 64 hex digits, a closed set its
 * first member, a nullable field null. {@link ExactSchemas} adds them last, on the schemas as published, and
 * {@code OpenApiIT} validates each example against its schema, so an example cannot drift from what it shows.
 */
final class AnswerExamples {

    private static final String COMPONENTS = "#/components/schemas/";

    private static final JsonMapper LINES = JsonMapper.shared();

    private static final String ID = "0b5e3f8a-6c2d-4e1f-9a7b-3c8d2e1f4a5b";

    private static final String TIME = "2026-11-22T10:00:00Z";

    /** Deep enough for every answer (references count too); a cycle stops here, not in a loop. */
    private static final int DEPTH = 24;

    private AnswerExamples() {}

    /** Adds the examples; the schemas must be final already (nullable and required as published). */
    static void addTo(OpenAPI document) {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        for (Operation operation : operations(document)) {
            if (operation.getResponses() == null) {
                continue;
            }
            operation.getResponses().forEach((status, answer) -> {
                if (status.startsWith("2")) {
                    exampleFor(answer, schemas);
                }
            });
        }
    }

    private static List<Operation> operations(OpenAPI document) {
        List<Operation> operations = new ArrayList<>();
        document.getPaths().values().forEach(path -> operations.addAll(path.readOperations()));
        return operations;
    }

    private static void exampleFor(ApiResponse answer, Map<String, Schema> schemas) {
        if (answer.getContent() == null) {
            return;
        }
        answer.getContent().forEach((type, media) -> {
            if (media.getExample() != null || media.getSchema() == null) {
                return;
            }
            Object example = type.equals("application/json")
                    ? sample(media.getSchema(), "", schemas, 0)
                    : textExample(type, media.getSchema(), schemas);
            if (example != null) {
                media.setExample(example);
            }
        });
    }

    /** A text answer's example: an NDJSON stream's first two lines, a signed tree head, or what a page file starts with. */
    @SuppressWarnings("unchecked")
    private static String textExample(String type, Schema<?> schema, Map<String, Schema> schemas) {
        return switch (type) {
            case "application/x-ndjson" -> {
                Object lineSchema = schema.getExtensions() == null
                        ? null
                        : schema.getExtensions().get(ExactSchemas.LINE_SCHEMA);
                if (!(lineSchema instanceof Map<?, ?> reference)) {
                    yield null;
                }
                String line = LINES.writeValueAsString(
                        sample(new Schema<>().$ref((String) reference.get("$ref")), "", schemas, 0));
                yield line + "\n" + line + "\n";
            }
            case "text/plain" ->
                "localhost:8080/custos/" + ID + "\n2\n"
                        + "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=\n\n"
                        + "\u2014 localhost:8080/custos 6Hq2vQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n";
            case "text/html" ->
                "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Custos</title>";
            case "text/javascript" -> "// one of the portal page's own scripts, served as it is in the jar\n";
            case "text/css" -> "/* the portal page's stylesheet, served as it is in the jar */\n";
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Object sample(Schema<?> schema, String name, Map<String, Schema> schemas, int depth) {
        if (depth > DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            Schema<?> target = schemas.get(schema.get$ref().substring(COMPONENTS.length()));
            return target == null ? null : sample(target, name, schemas, depth + 1);
        }
        if (schema.getAnyOf() != null) {
            // A nullable reference: the answer shows the null, as a fresh object's answer does.
            return schema.getAnyOf().stream().anyMatch(AnswerExamples::isNull)
                    ? null
                    : sample(schema.getAnyOf().get(0), name, schemas, depth + 1);
        }
        Set<String> types = schema.getTypes() != null
                ? schema.getTypes()
                : schema.getType() == null ? Set.of() : Set.of(schema.getType());
        if (types.contains("null")) {
            return null;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties()
                    .forEach((property, part) -> object.put(property, sample(part, property, schemas, depth + 1)));
            return object;
        }
        if (types.contains("array")) {
            Object item = schema.getItems() == null ? null : sample(schema.getItems(), name, schemas, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if (types.contains("object")) {
            return Map.of();
        }
        if (types.contains("integer") || types.contains("number")) {
            return schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
        }
        if (types.contains("boolean")) {
            return true;
        }
        return text(schema, name);
    }

    private static boolean isNull(Schema<?> alternative) {
        return (alternative.getTypes() != null && alternative.getTypes().contains("null"))
                || "null".equals(alternative.getType());
    }

    private static String text(Schema<?> schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "uuid" -> ID;
            case "date-time" -> TIME;
            case "date" -> "2026-11-20";
            default -> textByName(name);
        };
    }

    /** Text fields the wire names alike hold alike values: a hash, a time kept as text, a link, a key. */
    private static String textByName(String name) {
        if (name.endsWith("sha256") || name.endsWith("hash")) {
            return "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        }
        if (name.endsWith("_at")) {
            return TIME;
        }
        if (name.equals("url") || name.endsWith("_url")) {
            return "http://localhost:8080/p/authority#token=…";
        }
        return name.isEmpty() ? "text" : name.replace('_', ' ');
    }
}
