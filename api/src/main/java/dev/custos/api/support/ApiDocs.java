package dev.custos.api.support;

import java.util.function.Consumer;

import org.springdoc.core.fn.builders.operation.Builder;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

/**
 * Describes functional routes for the OpenAPI document, which cannot infer them from annotations. Each route
 * states its id, summary, body and answer; the problem answers are common to all and listed once in docs/.
 */
public final class ApiDocs {

    private ApiDocs() {
    }

    public static Consumer<Builder> operation(String tag, String id, String summary, Class<?> requestBody,
                                              int status, Class<?> response, String... pathVariables) {
        return operation -> {
            operation.operationId(id).tag(tag).summary(summary)
                    .response(responseBuilder().responseCode(String.valueOf(status)).implementation(response));
            if (requestBody != null) {
                operation.requestBody(requestBodyBuilder().required(true).implementation(requestBody));
            }
            for (String variable : pathVariables) {
                operation.parameter(parameterBuilder().in(ParameterIn.PATH).name(variable).required(true)
                        .implementation(java.util.UUID.class));
            }
        };
    }

    /** Adds the tenancy headers that every tenant-scoped route takes. */
    public static Consumer<Builder> tenantScoped(Consumer<Builder> operation) {
        return operation.andThen(builder -> builder
                .parameter(parameterBuilder().in(ParameterIn.HEADER).name("x-tenant-id").required(true)
                        .implementation(java.util.UUID.class))
                .parameter(parameterBuilder().in(ParameterIn.HEADER).name("x-circle-id")
                        .implementation(java.util.UUID.class))
                .parameter(parameterBuilder().in(ParameterIn.HEADER).name("x-individual-id")
                        .implementation(java.util.UUID.class)));
    }

    /** Adds query parameters, each a plain string, to a list route. */
    public static Consumer<Builder> withQuery(Consumer<Builder> operation, String... names) {
        return operation.andThen(builder -> {
            for (String name : names) {
                builder.parameter(parameterBuilder().in(ParameterIn.QUERY).name(name).implementation(String.class));
            }
        });
    }
}
