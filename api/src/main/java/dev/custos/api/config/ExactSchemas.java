package dev.custos.api.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custos.api.problem.Problem;
import dev.custos.api.problem.ProblemType;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the document as exact as the answers: a field is nullable only where {@link Nullable} says so, every field
 * of an answer is required unless it is left out when null ({@link JsonInclude.Include#NON_NULL} on the field), a
 * closed set ({@link OneOf}; custody types: {@link OpenApiConfiguration}) is an enum, and a problem's {@code type}
 * lists the catalogue. Generated clients parse what the document says, so anything looser here breaks them on real
 * answers.
 */
@Configuration(proxyBeanMethods = false)
class ExactSchemas {

    /** Marks, while properties are described, a field left out when null; removed once required is computed. */
    private static final String OMITTED_WHEN_NULL = "x-custos-omitted-when-null";

    /** Marks, while properties are described, a field that may be null; made "or null" on the final document. */
    private static final String NULLABLE = "x-custos-nullable";

    private static final String NDJSON = "application/x-ndjson";

    /** Names, on an NDJSON answer, the schema of each of its lines. */
    public static final String LINE_SCHEMA = "x-line-schema";

    private static final String COMPONENTS = "#/components/schemas/";

    static {
        // A stored payload is a JSON object whatever its event; the node's Java getters are not its shape.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, objectSchema());
    }

    /** The nullable properties that refer to another schema, by owner: a reference keeps no marker. */
    private final Set<Owned> nullableReferences = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Owned(String schema, String property) {}

    @Bean
    PropertyCustomizer wireAnnotations() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations();
            Schema<?> described = property;
            Optional<OneOf> oneOf = find(annotations, OneOf.class);
            if (oneOf.isPresent()) {
                described = withEnum(described, keys(oneOf.get()));
            }
            if (find(annotations, Nullable.class).isPresent()) {
                // A reference keeps no sibling keywords through the rest of the build; it is wrapped at the end.
                if (described.get$ref() != null) {
                    nullableReferences.add(new Owned(
                            type.getParent() == null ? null : type.getParent().getName(), type.getPropertyName()));
                } else {
                    described.addExtension(NULLABLE, true);
                }
            }
            if (find(annotations, JsonInclude.class)
                    .filter(include -> include.value() == JsonInclude.Include.NON_NULL)
                    .isPresent()) {
                described.addExtension(OMITTED_WHEN_NULL, true);
            }
            return described;
        };
    }

    @Bean
    OpenApiCustomizer answersAreExact() {
        return document -> {
            Map<String, Schema> schemas = document.getComponents().getSchemas();
            for (String name : reachable(schemas, answerSchemas(document))) {
                Schema<?> schema = schemas.get(name);
                if (schema.getProperties() != null) {
                    List<String> required = new ArrayList<>();
                    schema.getProperties().forEach((property, described) -> {
                        if (!omittedWhenNull((Schema<?>) described)) {
                            required.add(property);
                        }
                    });
                    schema.setRequired(required);
                }
            }
            schemas.forEach((owner, schema) -> {
                Map<String, Schema> properties = ((Schema<?>) schema).getProperties();
                if (properties != null) {
                    properties.replaceAll((name, property) -> nullableReferences.contains(new Owned(owner, name))
                            ? nullable((Schema<?>) property)
                            : finished((Schema<?>) property));
                }
            });
            answerContents(document).forEach(content -> {
                io.swagger.v3.oas.models.media.MediaType lines = content.get(NDJSON);
                if (lines != null
                        && lines.getSchema() != null
                        && lines.getSchema().get$ref() != null) {
                    lines.setSchema(asLines(lines.getSchema().get$ref()));
                }
            });
            Schema<?> problem = schemas.get(Problem.class.getSimpleName());
            if (problem != null) {
                List<String> types = new ArrayList<>();
                types.add(Problem.ABOUT_BLANK);
                ProblemType.all().forEach(type -> types.add(type.uri()));
                withEnum(problem.getProperties().get("type"), types)
                        .description("about:blank for a plain status, else a catalogued type (docs/API.md)");
            }
            AnswerExamples.addTo(document);
        };
    }

    /**
     * NDJSON is text to a client (OpenAPI 3.1 has no schema for a sequence of JSON values), so the answer is a string;
     * the schema of each line is named beside it, where a client or a test can parse line by line.
     */
    @SuppressWarnings("rawtypes")
    private static Schema<?> asLines(String lineSchema) {
        Schema text = new JsonSchema();
        text.addType("string");
        // binary: a generated client hands the lines over as they came, never parsing them as one JSON value.
        text.setFormat("binary");
        text.setDescription("One JSON object per line, each of the schema named by " + LINE_SCHEMA);
        text.addExtension(LINE_SCHEMA, Map.of("$ref", lineSchema));
        return text;
    }

    private static boolean omittedWhenNull(Schema<?> property) {
        return parts(property).stream().anyMatch(part -> marked(part, OMITTED_WHEN_NULL));
    }

    /**
     * The property and the schemas of its items or values: the annotations of a list or map field also reach those,
     * so a marker may sit on either.
     */
    private static List<Schema<?>> parts(Schema<?> property) {
        List<Schema<?>> parts = new ArrayList<>();
        parts.add(property);
        if (property.getItems() != null) {
            parts.add(property.getItems());
        }
        if (property.getAdditionalProperties() instanceof Schema<?> values) {
            parts.add(values);
        }
        return parts;
    }

    /** The property as published: "or null" where marked so, and without the markers. */
    private static Schema<?> finished(Schema<?> property) {
        if (property.getAdditionalProperties() instanceof Schema<?> values && bareObject(values)) {
            // A map's values typed Object or JsonNode are any JSON value (a canonical playbook holds text and lists).
            property.setAdditionalProperties(true);
        }
        boolean mayBeNull = parts(property).stream().anyMatch(part -> marked(part, NULLABLE));
        for (Schema<?> part : parts(property)) {
            if (part != null && part.getExtensions() != null) {
                part.getExtensions().remove(OMITTED_WHEN_NULL);
                part.getExtensions().remove(NULLABLE);
                if (part.getExtensions().isEmpty()) {
                    part.setExtensions(null);
                }
            }
        }
        return mayBeNull ? nullable(property) : property;
    }

    private static boolean bareObject(Schema<?> schema) {
        return schema.get$ref() == null
                && schema.getProperties() == null
                && schema.getItems() == null
                && (schema.getTypes() != null
                        ? schema.getTypes().equals(Set.of("object"))
                        : "object".equals(schema.getType()));
    }

    private static boolean marked(Schema<?> property, String marker) {
        return property.getExtensions() != null && property.getExtensions().containsKey(marker);
    }

    /** The content of every documented answer of every operation. */
    private static Stream<Content> answerContents(OpenAPI document) {
        return document.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getResponses)
                .filter(java.util.Objects::nonNull)
                .flatMap(responses -> responses.values().stream())
                .map(io.swagger.v3.oas.models.responses.ApiResponse::getContent)
                .filter(java.util.Objects::nonNull);
    }

    /** The component names an answer's content refers to directly. */
    private static Set<String> answerSchemas(OpenAPI document) {
        Set<String> names = new LinkedHashSet<>();
        answerContents(document)
                .flatMap((Content content) -> content.values().stream())
                .map(io.swagger.v3.oas.models.media.MediaType::getSchema)
                .filter(java.util.Objects::nonNull)
                .forEach(schema -> refs(schema).forEach(names::add));
        return names;
    }

    /** Every component reachable from the given ones, through properties, items and compositions. */
    private static Set<String> reachable(Map<String, Schema> schemas, Set<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema<?> schema = schemas.get(name);
            if (schema != null && seen.add(name)) {
                refs(schema).forEach(todo::push);
            }
        }
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static Stream<String> refs(Schema<?> schema) {
        if (schema == null) {
            return Stream.empty();
        }
        Stream<String> own = schema.get$ref() != null && schema.get$ref().startsWith(COMPONENTS)
                ? Stream.of(schema.get$ref().substring(COMPONENTS.length()))
                : Stream.empty();
        Stream<Schema<?>> children = Stream.of(
                        schema.getProperties() == null
                                ? Stream.<Schema<?>>empty()
                                : schema.getProperties().values().stream().map(child -> (Schema<?>) child),
                        Stream.<Schema<?>>ofNullable(schema.getItems()),
                        schema.getAdditionalProperties() instanceof Schema<?> values
                                ? Stream.<Schema<?>>of(values)
                                : Stream.<Schema<?>>empty(),
                        schema.getAnyOf() == null
                                ? Stream.<Schema<?>>empty()
                                : schema.getAnyOf().stream().map(child -> (Schema<?>) child),
                        schema.getOneOf() == null
                                ? Stream.<Schema<?>>empty()
                                : schema.getOneOf().stream().map(child -> (Schema<?>) child),
                        schema.getAllOf() == null
                                ? Stream.<Schema<?>>empty()
                                : schema.getAllOf().stream().map(child -> (Schema<?>) child))
                .flatMap(stream -> stream);
        return Stream.concat(own, children.flatMap(ExactSchemas::refs));
    }

    private static List<String> keys(OneOf oneOf) {
        List<String> keys = new ArrayList<>(Arrays.asList(oneOf.value()));
        for (Class<? extends Enum<?>> type : oneOf.keysOf()) {
            for (Enum<?> constant : type.getEnumConstants()) {
                keys.add(keyOf(constant));
            }
        }
        return keys;
    }

    /** An enum's wire key is its {@code key()}, as every closed set of Custos spells it. */
    private static String keyOf(Enum<?> constant) {
        try {
            return (String) constant.getClass().getMethod("key").invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(constant.getClass() + " has no key()", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> withEnum(Schema<?> property, List<String> values) {
        Schema target = property.getItems() != null ? property.getItems() : property;
        target.setEnum(new ArrayList<>(values));
        return property;
    }

    /**
     * A value or null. OpenAPI 3.1 says it in JSON Schema's words: {@code "null"} joins the types (and the enum); a
     * reference cannot take a sibling type, so it becomes "the reference, or null".
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema either = new Schema<>();
            either.setAnyOf(List.of(new Schema<>().$ref(property.get$ref()), nullSchema()));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            ((Schema) property).setEnum(values);
        }
        return property;
    }

    private static Schema<?> nullSchema() {
        Schema<?> nothing = new JsonSchema();
        nothing.setType("null");
        nothing.addType("null");
        return nothing;
    }

    private static Schema<?> objectSchema() {
        Schema<?> object = new Schema<>();
        object.addType("object");
        return object;
    }

    private static <A extends Annotation> Optional<A> find(Annotation[] annotations, Class<A> type) {
        return Arrays.stream(annotations)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }
}
