package dev.custos.api.problem;

import org.springframework.http.HttpStatus;

/** The detail for a status the framework raised before or around the routes, in words that name no internals. */
final class FrameworkStatuses {

    private FrameworkStatuses() {
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case NOT_ACCEPTABLE -> "No acceptable representation";
            case UNSUPPORTED_MEDIA_TYPE -> ProblemException.JSON_BODIES_ONLY;
            case CONTENT_TOO_LARGE -> ProblemException.TOO_LARGE;
            case BAD_REQUEST -> "The request body or parameters could not be read";
            default -> status.getReasonPhrase();
        };
    }
}
