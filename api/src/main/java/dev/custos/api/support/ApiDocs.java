package dev.custos.api.support;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.content.Builder.contentBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;

import dev.custos.api.problem.Problem;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.function.Consumer;
import org.springdoc.core.fn.builders.operation.Builder;

/**
 * Describes functional routes for the OpenAPI document, which cannot infer them from annotations. Each route
 * states its id, summary, body and answer; the problem answers are common to all and listed once in docs/.
 */
public final class ApiDocs {

    private ApiDocs() {}

    public static Consumer<Builder> operation(
            String tag,
            String id,
            String summary,
            Class<?> requestBody,
            int status,
            Class<?> response,
            String... pathVariables) {
        return operation -> {
            operation
                    .operationId(id)
                    .tag(tag)
                    .summary(summary)
                    .response(responseBuilder()
                            .responseCode(String.valueOf(status))
                            .implementation(response))
                    // Every error of every route is an RFC 9457 problem.
                    .response(responseBuilder()
                            .responseCode("default")
                            .description("An RFC 9457 problem")
                            .content(contentBuilder()
                                    .mediaType("application/problem+json")
                                    .schema(schemaBuilder().implementation(Problem.class))));
            if (requestBody != null) {
                operation.requestBody(requestBodyBuilder().required(true).implementation(requestBody));
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
        return operation.andThen(builder -> builder.response(responseBuilder()
                .responseCode("401")
                .description("Refused: unknown, expired, revoked, exhausted, or a wrong or missing passcode")
                .content(contentBuilder()
                        .mediaType("application/json")
                        .schema(schemaBuilder().implementation(Refused.class)))));
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

    /** Adds query parameters, each a plain string, to a list route. */
    public static Consumer<Builder> withQuery(Consumer<Builder> operation, String... names) {
        return operation.andThen(builder -> {
            for (String name : names) {
                builder.parameter(
                        parameterBuilder().in(ParameterIn.QUERY).name(name).implementation(String.class));
            }
        });
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
