package dev.custos.api.embedded;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Refuses to start, before any bean exists, when a database or a blob store is left to the embedded default and
 * the embedded module is not on the class path: the production jar does not carry it. {@link
 * NoEmbeddedServersFailureAnalyzer} turns the refusal into a short report instead of a stack trace.
 */
class EmbeddedDefaultCheck implements EnvironmentPostProcessor {

    static final String EMBEDDED_MODULE_CLASS = "dev.custos.embedded.EmbeddedPostgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> leftToTheEmbeddedDefault = new ArrayList<>();
        if (environment.getProperty("custos.db.url", "").isBlank()) {
            leftToTheEmbeddedDefault.add("CUSTOS_DB_URL");
        }
        if (environment.getProperty("custos.s3.endpoint", "").isBlank()) {
            leftToTheEmbeddedDefault.add("CUSTOS_S3_ENDPOINT");
        }
        if (!leftToTheEmbeddedDefault.isEmpty()
                && !ClassUtils.isPresent(EMBEDDED_MODULE_CLASS, application.getClassLoader())) {
            throw new NoEmbeddedServers(leftToTheEmbeddedDefault);
        }
    }
}
