package dev.custos.api.problem;

import dev.custos.command.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Ends a request with a problem answer. Its detail is written for the caller, so it must hold nothing secret. */
public class ProblemException extends RuntimeException {

    /** The detail of every 415: the one body type the JSON routes take. */
    public static final String JSON_BODIES_ONLY = "Bodies are application/json in UTF-8";

    public static final String TOO_LARGE = "The body is too large";

    private final HttpStatus status;
    private final String detail;
    private final List<Problem.FieldError> errors;
    private final Refusal refusal;

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, null);
    }

    private ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors, Refusal refusal) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.errors = errors;
        this.refusal = refusal;
    }

    /** A catalogued refusal: its status and type follow from it; the detail names what was refused. */
    public static ProblemException refused(Refusal refusal, String detail) {
        return new ProblemException(Problem.statusOf(refusal.reason()), detail, null, refusal);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "The request is not valid", errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, null);
    }

    /** Whether a failure is a unique-key violation (SQLState 23505), anywhere in its causes. */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505");
    }

    /** Whether a failure is a unique-key violation of the named constraint (or unique index), anywhere in its causes. */
    public static boolean isUniqueViolationOf(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException sql
                    && "23505".equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null
                    && constraint.equals(sql.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a statement that waited past the session's {@code lock_timeout} (SQLSTATE 55P03): its
     * transaction rolled back whole, and the same request may succeed a moment later.
     */
    public static boolean isLockTimeout(Throwable failure) {
        return hasSqlState(failure, "55P03");
    }

    /** Whether a failure is a deadlock PostgreSQL broke by rolling this transaction back (SQLSTATE 40P01). */
    public static boolean isDeadlock(Throwable failure) {
        return hasSqlState(failure, "40P01");
    }

    /** Whether a database error with this SQLSTATE is anywhere in a failure's causes (Axon and Spring wrap it). */
    private static boolean hasSqlState(Throwable failure, String state) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure is a body past the in-memory limit, anywhere in its causes (decoders wrap it). */
    public static boolean isTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.core.io.buffer.DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }

    public static ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, null);
    }

    public HttpStatus status() {
        return status;
    }

    public Problem toProblem() {
        if (refusal != null) {
            return Problem.of(refusal, detail);
        }
        return errors == null ? Problem.of(status, detail) : Problem.invalid(detail, errors);
    }
}
