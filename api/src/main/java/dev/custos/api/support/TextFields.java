package dev.custos.api.support;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.custos.api.problem.Problem;

/**
 * Applies {@link Text}'s character rule to every text field of a request body, nested records and lists included,
 * so that no body can forget it. Lengths are declared per field with {@code @Size}, which the OpenAPI shows.
 */
final class TextFields {

    private TextFields() {
    }

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
            if (Text.hasForbiddenCharacter(text, multiline)) {
                errors.add(new Problem.FieldError(path, multiline
                        ? "must not contain control characters other than line breaks and tabs"
                        : "must not contain control characters"));
            }
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
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = RequestBodies.snakeCase(component.getName());
                walk(read(component, value), path.isEmpty() ? name : path + "." + name,
                        component.isAnnotationPresent(Multiline.class), errors);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
