package dev.custos.api.problem;

import dev.custos.api.blob.BlobTooLarge;
import dev.custos.command.CommandRefused;
import dev.custos.command.Refusal;
import dev.custos.command.UnreadableEvent;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure into an RFC 9457 problem. Known failures keep their own message, which is written for
 * callers; anything unexpected is logged here and answered with a bare 500 that names nothing internal.
 * It runs before Boot's own handler, so no default error page or stack trace can reach a client.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof Overloaded || ProblemException.isLockTimeout(failure)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Overloaded.RETRY_AFTER_SECONDS);
        } else if (DatabaseUnavailable.causedBy(failure)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        return writer.refuse(exchange, toProblem(failure, exchange));
    }

    private Problem toProblem(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof ProblemException problem) {
            return problem.toProblem();
        }
        if (DatabaseUnavailable.causedBy(failure)) {
            log.warn(
                    "{} {} could not reach the database: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    rootMessage(failure));
            return Problem.of(ProblemType.DATABASE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
        }
        Optional<UnreadableEvent> unreadable = UnreadableEvent.among(failure);
        if (unreadable.isPresent()) {
            // Logged once, with its cause, where it was met (EventSourcingGuard).
            return Problem.of(ProblemType.UNREADABLE_EVENT, unreadable.get().getMessage());
        }
        if (ProblemException.isTooLarge(failure)) {
            return ProblemException.tooLarge().toProblem();
        }
        if (failure instanceof InvalidMediaTypeException) {
            return Problem.of(HttpStatus.BAD_REQUEST, "A media type header cannot be parsed");
        }
        if (failure instanceof Overloaded overloaded) {
            return Problem.of(ProblemType.OVERLOADED, overloaded.getMessage());
        }
        if (ProblemException.isLockTimeout(failure)) {
            log.warn(
                    "{} {} waited past the lock bound and was rolled back",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value());
            return Problem.of(ProblemType.OVERLOADED, Overloaded.DETAIL);
        }
        if (failure instanceof CommandRefused refused) {
            return refused.refusal()
                    .map(refusal -> Problem.of(refusal, refused.getMessage()))
                    .orElseGet(() -> Problem.of(Problem.statusOf(refused.reason()), refused.getMessage()));
        }
        if (failure instanceof BlobTooLarge tooLarge) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (failure instanceof AggregateNotFoundException) {
            return Problem.of(HttpStatus.NOT_FOUND, "Not found");
        }
        if (failure instanceof AggregateStreamCreationException || ProblemException.isUniqueViolation(failure)) {
            return Problem.of(Refusal.DUPLICATE_ID, "A resource with this id already exists");
        }
        if (failure instanceof ConcurrencyException) {
            // Only after the unit was run again against the newer state, and lost every time.
            return Problem.of(Refusal.STALE_WRITE, "The resource kept changing under this request; send it again");
        }
        if (DroppedErrors.clientWentAway(failure)) {
            // The client went away mid-request (or reset the connection under it); nobody is left to read an answer.
            log.debug(
                    "Client aborted {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return Problem.of(HttpStatus.BAD_REQUEST, "The request was aborted");
        }
        if (failure instanceof ServerWebInputException || failure instanceof DecodingException) {
            return Problem.of(HttpStatus.BAD_REQUEST, "The request body or parameters could not be read");
        }
        if (failure instanceof AuthenticationException) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "Authentication is required");
        }
        if (failure instanceof AccessDeniedException) {
            return Problem.of(HttpStatus.FORBIDDEN, "Not allowed");
        }
        if (failure instanceof ResponseStatusException status) {
            // The framework's reasons name its internals ("No static resource ..."); the status says enough.
            HttpStatus known = HttpStatus.resolve(status.getStatusCode().value());
            return known == null || known.is5xxServerError()
                    ? unexpected(failure, exchange)
                    : Problem.of(known, frameworkDetail(known));
        }
        return unexpected(failure, exchange);
    }

    /** The innermost cause's message: what failed, without the wrappers' stack of restatements. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Problem unexpected(Throwable failure, ServerWebExchange exchange) {
        log.error(
                "Unhandled failure on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                failure);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred");
    }

    /** The detail for a status the framework raised before or around the routes, in words that name no internals. */
    private static String frameworkDetail(HttpStatus status) {
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
