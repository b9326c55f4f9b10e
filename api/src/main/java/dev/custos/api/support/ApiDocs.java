package dev.custos.api.support;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.content.Builder.contentBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;

import dev.custos.api.problem.Problem;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import java.util.function.Consumer;
import org.springdoc.core.fn.builders.operation.Builder;

/**
 * Describes functional routes for the OpenAPI document, which cannot infer them from annotations. Each route
 * states its id, summary, body and answer; the problem answers are common to all and listed once in docs/.
 */
public final class ApiDocs {

    /** The one body type of every JSON route, request and answer alike. */
    public static final String JSON = "application/json";

    private ApiDocs() {}

    /** A JSON route: its body, if any, and its answer are {@code application/json}. */
    public static Consumer<Builder> operation(
            String tag,
            String id,
            String summary,
            Class<?> requestBody,
            int status,
            Class<?> response,
            String... pathVariables) {
        return answering(tag, id, summary, requestBody, status, List.of(JSON), response, pathVariables);
    }

    /**
     * A route whose answer is not JSON (a page, a script, a signed note, an NDJSON stream): the answer is described
     * with the media types the route really sends, so a generated client asks for and parses the right thing.
     */
    public static Consumer<Builder> answering(
            String tag,
            String id,
            String summary,
            Class<?> requestBody,
            int status,
            List<String> mediaTypes,
            Class<?> response,
            String... pathVariables) {
        return operation -> {
            org.springdoc.core.fn.builders.apiresponse.Builder answer =
                    responseBuilder().responseCode(String.valueOf(status)).description(summary);
            for (String mediaType : mediaTypes) {
                answer.content(contentBuilder()
                        .mediaType(mediaType)
                        .schema(schemaBuilder().implementation(response)));
            }
            operation
                    .operationId(id)
                    .tag(tag)
                    .summary(summary)
                    .response(answer)
                    // Every error of every route is an RFC 9457 problem.
                    .response(responseBuilder()
                            .responseCode("default")
                            .description("An RFC 9457 problem")
                            .content(contentBuilder()
                                    .mediaType("application/problem+json")
                                    .schema(schemaBuilder().implementation(Problem.class))));
            if (requestBody != null) {
                operation.requestBody(requestBodyBuilder()
                        .required(true)
                        .content(contentBuilder()
                                .mediaType(JSON)
                                .schema(schemaBuilder().implementation(requestBody))));
            }
            for (String variable : pathVariables) {
                operation.parameter(parameterBuilder()
                        .in(ParameterIn.PATH)
                        .name(variable)
                        .required(true)
                        .implementation(java.util.UUID.class));
            }
        };
    }

    /**
     * A portal route: the contract answers every refused token or session with the same 401 {@code {"ok": false}}
     * in plain JSON, not a problem, so that no refusal can be told from another.
     */
    public static Consumer<Builder> portalRefusals(Consumer<Builder> operation) {
        return operation
                .andThen(builder -> builder.response(responseBuilder()
                        .responseCode("401")
                        .description("Refused: unknown, expired, revoked, exhausted, or a wrong or missing passcode")
                        .content(contentBuilder()
                                .mediaType("application/json")
                                .schema(schemaBuilder().implementation(Refused.class)))))
                .andThen(builder -> builder.response(responseBuilder()
                        .responseCode("429")
                        .description("Over the link's rate: an empty problem, no detail for whoever is probing")
                        .content(contentBuilder()
                                .mediaType("application/problem+json")
                                .schema(schemaBuilder().type("object").maxProperties(0)))));
    }

    /**
     * A second success answer of a JSON route: a repeated {@code client_request_id}, say, answers 200 with what the
     * first request created (201).
     */
    public static Consumer<Builder> alsoAnswering(Consumer<Builder> operation, int status, Class<?> response) {
        return operation.andThen(builder -> builder.response(responseBuilder()
                .responseCode(String.valueOf(status))
                .description("The same resource, already there")
                .content(contentBuilder().mediaType(JSON).schema(schemaBuilder().implementation(response)))));
    }

    /**
     * A route that shares one object with an authority: a {@code ShareRequest} body, 201 with the grant, its token and
     * link, or 200 for a repeated {@code client_request_id}; the object is the path's {@code id}.
     */
    public static Consumer<Builder> sharing(
            String tag, String id, String summary, Class<?> shareRequest, Class<?> shareAnswer) {
        return alsoAnswering(operation(tag, id, summary, shareRequest, 201, shareAnswer, "id"), 200, shareAnswer);
    }

    /** A route whose JSON body may be left out altogether (every field of it is optional). */
    public static Consumer<Builder> withOptionalBody(Consumer<Builder> operation, Class<?> body) {
        return operation.andThen(builder -> builder.requestBody(requestBodyBuilder()
                .required(false)
                .content(contentBuilder().mediaType(JSON).schema(schemaBuilder().implementation(body)))));
    }

    /** A path variable that is a name of the given pattern, not an id. */
    public static Consumer<Builder> withNamePath(Consumer<Builder> operation, String variable, String pattern) {
        return operation.andThen(builder -> builder.parameter(parameterBuilder()
                .in(ParameterIn.PATH)
                .name(variable)
                .required(true)
                .schema(schemaBuilder().type("string").pattern(pattern).maxLength(64))));
    }

    /**
     * A route whose body is raw bytes of any media type (an upload): the bytes are the evidence, so any type is
     * taken as it is.
     */
    public static Consumer<Builder> withRawBody(Consumer<Builder> operation) {
        // application/octet-stream first: a generated client then sends the bytes as they are (under "*/*" alone
        // it would encode them as JSON); the evidence's own type goes in Content-Type all the same.
        return operation.andThen(builder -> builder.requestBody(requestBodyBuilder()
                .required(true)
                .content(contentBuilder()
                        .mediaType("application/octet-stream")
                        .schema(schemaBuilder().type("string").format("binary")))
                .content(contentBuilder()
                        .mediaType("*/*")
                        .schema(schemaBuilder().type("string").format("binary")))));
    }

    /** The portal's one refusal body. */
    public record Refused(boolean ok) {}

    /** Adds the tenancy headers that every tenant-scoped route takes. */
    public static Consumer<Builder> tenantScoped(Consumer<Builder> operation) {
        return operation.andThen(builder -> builder.parameter(parameterBuilder()
                        .in(ParameterIn.HEADER)
                        .name("x-tenant-id")
                        .required(true)
                        .implementation(java.util.UUID.class))
                .parameter(parameterBuilder()
                        .in(ParameterIn.HEADER)
                        .name("x-circle-id")
                        .implementation(java.util.UUID.class))
                .parameter(parameterBuilder()
                        .in(ParameterIn.HEADER)
                        .name("x-individual-id")
                        .implementation(java.util.UUID.class)));
    }

    /**
     * Adds optional query parameters to a read route, each typed as the route parses it: a name ending in
     * {@code _id} is a UUID, {@code action_key} and {@code subject_type} are text, and every other (a limit, an
     * offset, a sequence number, a tree size) is a whole number from 0.
     */
    public static Consumer<Builder> withQuery(Consumer<Builder> operation, String... names) {
        return operation.andThen(builder -> {
            for (String name : names) {
                builder.parameter(queryParameter(name));
            }
        });
    }

    private static org.springdoc.core.fn.builders.parameter.Builder queryParameter(String name) {
        org.springdoc.core.fn.builders.parameter.Builder parameter =
                parameterBuilder().in(ParameterIn.QUERY).name(name);
        if (name.endsWith("_id")) {
            return parameter.implementation(java.util.UUID.class);
        }
        if (name.equals("action_key") || name.equals("subject_type")) {
            return parameter.schema(schemaBuilder().type("string").maxLength(64));
        }
        return parameter.schema(schemaBuilder().type("integer").format("int64").minimum("0"));
    }

    /**
     * Adds required query parameters that are instants ({@code format: date-time}), so that every time a caller can
     * send is described, and the test of the edge's time rule finds it in the document.
     */
    public static Consumer<Builder> withTimeQuery(Consumer<Builder> operation, String... names) {
        return operation.andThen(builder -> {
            for (String name : names) {
                builder.parameter(parameterBuilder()
                        .in(ParameterIn.QUERY)
                        .name(name)
                        .required(true)
                        .implementation(java.time.Instant.class));
            }
        });
    }

    /** Adds a request header of the given type (a time shows as {@code format: date-time}). */
    public static Consumer<Builder> withHeader(
            Consumer<Builder> operation, String name, Class<?> type, boolean required) {
        return operation.andThen(builder -> builder.parameter(parameterBuilder()
                .in(ParameterIn.HEADER)
                .name(name)
                .required(required)
                .implementation(type)));
    }
}
