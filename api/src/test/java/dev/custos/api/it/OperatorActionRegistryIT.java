package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.access.ActionRegistry;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Every operator route is declared: each {@code /api/operator/**} route the service answers has an action spec in
 * the registry (and so runs through the one pipeline), every spec has its route, every operator action under
 * {@code /api/operator/} but the listings is audited, and the endpoint table of the docs is the registry.
 */
class OperatorActionRegistryIT extends IntegrationTest {

    private static final Path ENDPOINT_TABLE = Path.of("..", "docs", "P2_18_OPERATOR_BACKEND_SURFACE.md");

    @Autowired
    private List<RouterFunction<?>> routers;

    @Autowired
    private ActionRegistry registry;

    @Test
    void everyOperatorRouteHasASpecAndEverySpecARoute() {
        Set<String> routes = new TreeSet<>();
        routers.forEach(router -> router.accept(new RouteCollector(routes)));
        Set<String> operatorRoutes = new TreeSet<>(routes.stream()
                .filter(route -> route.contains(" /api/operator/"))
                .toList());
        Set<String> declared = new TreeSet<>(
                registry.actions().stream().map(OperatorActionRegistryIT::route).toList());

        assertThat(operatorRoutes).isNotEmpty();
        assertThat(declared).containsAll(operatorRoutes);
        assertThat(routes).containsAll(declared);
    }

    @Test
    void everyOperatorActionButAListingIsAudited() {
        List<ActionSpec<?>> unaudited = registry.actions().stream()
                .filter(spec -> spec.path().startsWith("/api/operator/"))
                .filter(spec -> !HttpMethod.GET.equals(spec.method()))
                .filter(spec -> spec.auditKey() == null)
                .toList();
        assertThat(unaudited).isEmpty();
    }

    @Test
    void theDocumentedEndpointTableIsTheRegistry() throws IOException {
        Pattern row = Pattern.compile(
                "^\\| (GET|POST|DELETE) \\| (/api/\\S+) \\| (\\S+) \\| (\\S+) \\| (yes|no) \\|$", Pattern.MULTILINE);
        Matcher rows = row.matcher(Files.readString(ENDPOINT_TABLE));
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            documented.add(String.join(" ", rows.group(1), rows.group(2), rows.group(3), rows.group(4), rows.group(5)));
        }
        Set<String> declared = new TreeSet<>(registry.actions().stream()
                .map(spec -> String.join(
                        " ",
                        spec.method().name(),
                        spec.path(),
                        spec.role().role() == null
                                ? "any_operator"
                                : "`" + spec.role().role().key() + "`",
                        spec.auditKey() == null ? "none" : "`" + spec.auditKey() + "`",
                        spec.billable() ? "yes" : "no"))
                .toList());
        assertThat(documented).isEqualTo(declared);
    }

    private static String route(ActionSpec<?> spec) {
        return spec.method().name() + " " + spec.path();
    }

    /** Collects "METHOD /path" for every route of a router function. */
    private record RouteCollector(Set<String> routes) implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            Set<String> methods = new TreeSet<>();
            Set<String> paths = new TreeSet<>();
            predicate.accept(new PredicateCollector(methods, paths));
            methods.forEach(method -> paths.forEach(path -> routes.add(method + " " + path)));
        }

        @Override
        public void startNested(RequestPredicate predicate) {}

        @Override
        public void endNested(RequestPredicate predicate) {}

        @Override
        public void resources(java.util.function.Function<ServerRequest, Mono<Resource>> lookupFunction) {}

        @Override
        public void attributes(java.util.Map<String, Object> attributes) {}

        @Override
        public void unknown(RouterFunction<?> routerFunction) {}
    }

    private record PredicateCollector(Set<String> methods, Set<String> paths) implements RequestPredicates.Visitor {

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(method -> methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void header(String name, String value) {}

        @Override
        public void queryParam(String name, String value) {}

        @Override
        public void version(String version) {}

        @Override
        public void startAnd() {}

        @Override
        public void and() {}

        @Override
        public void endAnd() {}

        @Override
        public void startOr() {}

        @Override
        public void or() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(RequestPredicate predicate) {}
    }
}
