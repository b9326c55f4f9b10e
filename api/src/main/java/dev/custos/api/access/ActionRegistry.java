package dev.custos.api.access;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every operator action of the service, from every feature's {@link ActionCatalogue}: what the route test checks the
 * routes against, and what the endpoint table of {@code docs/P2_18_OPERATOR_BACKEND_SURFACE.md} must list.
 */
@Component
public class ActionRegistry {

    private final List<ActionSpec<?>> actions;

    public ActionRegistry(List<ActionCatalogue> catalogues) {
        this.actions = catalogues.stream()
                .flatMap(catalogue -> catalogue.actions().stream())
                .sorted(Comparator.comparing((ActionSpec<?> spec) -> spec.path())
                        .thenComparing(spec -> spec.method().name()))
                .toList();
        Set<String> routes = new HashSet<>();
        for (ActionSpec<?> spec : actions) {
            if (spec.target().locates() != spec.path().contains("{id}")) {
                throw new IllegalStateException(spec.path() + ": the route's {id} is the object the action acts on");
            }
            if (!routes.add(spec.method() + " " + spec.path())) {
                throw new IllegalStateException("two actions declare " + spec.method() + " " + spec.path());
            }
        }
    }

    public List<ActionSpec<?>> actions() {
        return actions;
    }
}
