package dev.custos.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem body. {@code errors} appears only for validation failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** A problem with no field errors: a status and a detail written for the caller. */
    public static Problem of(org.springframework.http.HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, null);
    }

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}
}
