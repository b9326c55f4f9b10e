package dev.custos.api.config;

import dev.custos.api.support.EdgeTimes;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * A JSON key given twice is refused: which value did the caller mean? An audit system must not guess. Every time in a
 * body is read by the edge's one time rule.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder ->
                builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(EdgeTimes.module());
    }
}
