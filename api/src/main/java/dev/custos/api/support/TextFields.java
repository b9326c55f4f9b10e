package dev.custos.api.support;

import dev.custos.api.problem.Problem;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link Text}'s character rule to every text field of a request body, nested records and lists included,
 * so that no body can forget it. Lengths are declared per field with {@code @Size}, which the OpenAPI shows.
 */
final class TextFields {

    private TextFields() {}

    static List<Problem.FieldError> violations(Object body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(body, "", false, errors);
        return errors;
    }

    private static void walk(Object value, String path, boolean multiline, List<Problem.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            Text.characterProblem(text, multiline).ifPresent(why -> errors.add(new Problem.FieldError(path, why)));
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", multiline, errors);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                walk(key, path, false, errors);
                walk(item, path + "." + key, multiline, errors);
            });
        } else if (value.getClass().isRecord()) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                walk(
                        component.read(value),
                        path.isEmpty() ? component.name() : path + "." + component.name(),
                        component.multiline(),
                        errors);
            }
        }
    }

    /** A record component as the walk needs it: wire name, whether it may hold line breaks, its accessor. */
    private record Component(String name, boolean multiline, Method accessor) {

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    /** Looked up once per body type, not once per request. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> {
                        Method accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        return new Component(
                                RequestBodies.snakeCase(component.getName()),
                                component.isAnnotationPresent(Multiline.class),
                                accessor);
                    })
                    .toList();
        }
    };
}
