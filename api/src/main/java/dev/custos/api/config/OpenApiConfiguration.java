package dev.custos.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

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

    @Bean
    OpenAPI custosOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Custos").version("0.1.0")
                        .description("Operator surface and authority portal. Errors are RFC 9457 problems."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
