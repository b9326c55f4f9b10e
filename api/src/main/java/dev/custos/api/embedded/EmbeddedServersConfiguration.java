package dev.custos.api.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the embedded servers when the embedded module is on the class path; the condition reads no class of it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedDefaultCheck.EMBEDDED_MODULE_CLASS)
class EmbeddedServersConfiguration {

    @Bean
    EmbeddedServers embeddedServers() {
        return new EmbeddedModuleServers();
    }
}
