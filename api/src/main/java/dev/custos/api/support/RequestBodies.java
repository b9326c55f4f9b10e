package dev.custos.api.support;

import dev.custos.api.problem.Problem;
import dev.custos.api.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.codec.DecodingException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads and validates JSON bodies. Every failure is a 400 problem that names the offending fields in the
 * contract's snake_case, and never echoes the submitted values (they may be secrets such as passcodes).
 */
@Component
public class RequestBodies {

    private final Validator validator;

    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    public <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return decoded(request, type)
                .switchIfEmpty(Mono.error(() -> ProblemException.badRequest("A JSON body is required")));
    }

    /** Reads an optional body: an absent or empty one is {@code absent}; a present one is read and validated. */
    public <T> Mono<T> readOptional(ServerRequest request, Class<T> type, T absent) {
        return decoded(request, type).defaultIfEmpty(absent);
    }

    private <T> Mono<T> decoded(ServerRequest request, Class<T> type) {
        return request.bodyToMono(type)
                .onErrorMap(RequestBodies::isUnreadable, RequestBodies::unreadable)
                .map(this::validated);
    }

    private <T> T validated(T body) {
        List<Problem.FieldError> errors = new ArrayList<>(TextFields.violations(body));
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        violations.stream()
                .map(violation -> new Problem.FieldError(
                        snakeCase(violation.getPropertyPath().toString()), violation.getMessage()))
                .forEach(errors::add);
        if (errors.isEmpty()) {
            return body;
        }
        throw ProblemException.invalid(errors.stream()
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList()));
    }

    private static boolean isUnreadable(Throwable failure) {
        return failure instanceof DecodingException || failure instanceof ServerWebInputException;
    }

    private static Throwable unreadable(Throwable failure) {
        if (ProblemException.isTooLarge(failure)) {
            return ProblemException.tooLarge();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName()
                                : String.valueOf(reference.getIndex()))
                        .collect(Collectors.joining("."));
                return ProblemException.invalid(List.of(new Problem.FieldError(field, message(databind))));
            }
        }
        return ProblemException.badRequest("The body is not valid JSON");
    }

    /** A time names the edge's one time rule; any other field, its wrong type or format. */
    private static String message(DatabindException failure) {
        String rule =
                failure instanceof InvalidFormatException format ? EdgeTimes.ruleFor(format.getTargetType()) : null;
        return rule != null ? rule : "has the wrong type or format";
    }

    static String snakeCase(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
