package dev.custos.walkthrough;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests one {@link RunningCustos} for the whole test run: the ITs share a start (about a minute after a
 * build), and JUnit closes it when the run ends.
 */
final class RunningCustosExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().equals(RunningCustos.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningCustos.class, key -> start(), RunningCustos.class);
    }

    private static RunningCustos start() {
        try {
            return RunningCustos.start(
                    Path.of(System.getProperty("custos.checkout"))
                            .toAbsolutePath()
                            .normalize(),
                    Path.of(System.getProperty("custos.walkthrough.runs")).toAbsolutePath());
        } catch (Exception e) {
            throw new IllegalStateException("./custos run did not start", e);
        }
    }
}
