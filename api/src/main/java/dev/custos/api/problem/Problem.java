package dev.custos.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custos.command.CommandRefused;
import dev.custos.command.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem body. {@code type} is {@code about:blank} for a plain HTTP status, or one of the catalogued
 * types ({@link ProblemType}) a client may branch on; {@code errors} appears only for validation failures.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    /** The type of a problem that is its status and nothing more (RFC 9457 §4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";

    /** A problem with no field errors: a status and a detail written for the caller. */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.value(), detail, null);
    }

    /** A problem of a catalogued type. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status().value(), detail, null);
    }

    /** A catalogued refusal of a rule. */
    public static Problem of(Refusal refusal, String detail) {
        return of(ProblemType.of(refusal), detail);
    }

    /** A request that broke field rules, each listed. */
    public static Problem invalid(String detail, List<FieldError> errors) {
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(type.uri(), type.title(), type.status().value(), detail, errors);
    }

    /** The status that answers a refusal of this kind. */
    static HttpStatus statusOf(CommandRefused.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
