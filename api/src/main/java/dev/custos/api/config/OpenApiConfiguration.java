package dev.custos.api.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.custos.api.support.CustodyTypeFor;
import dev.custos.events.custody.CustodyType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document's frame: title, version and the bearer scheme every {@code /api} route uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Schemas name their properties as the wire does (snake_case): the document is read by machines, the fuzzer
     * among them, so it must describe the bodies the service really takes and answers.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /**
     * A custody type field lists the catalogue's keys for its use as its enum: the validation takes them from the
     * catalogue at run time, so the document must too.
     */
    @Bean
    PropertyCustomizer custodyTypeEnums() {
        return (property, type) -> {
            if (type.getCtxAnnotations() != null) {
                Arrays.stream(type.getCtxAnnotations())
                        .filter(CustodyTypeFor.class::isInstance)
                        .map(CustodyTypeFor.class::cast)
                        .findFirst()
                        .ifPresent(custody -> property.setEnum(new ArrayList<>(CustodyType.keys(custody.value()))));
            }
            return property;
        };
    }

    @Bean
    OpenAPI custosOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Custos")
                        .version("0.1.0")
                        .description("Operator surface and authority portal. Errors are RFC 9457 problems."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
