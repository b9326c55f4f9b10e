package dev.custos.api.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.reactive.function.server.ServerRequest;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.api.support.Text;

/** The metadata of an upload, which travels in headers because the body is the raw evidence. */
record UploadHeaders(String title, String sourceType, String contentMime, Instant occurredAt, UUID emergencyRunId,
                     UUID claimId, UUID disputeId) {

    private static final int MAX_TEXT = 500;

    static UploadHeaders of(ServerRequest request) {
        String title = title(request);
        String mime = request.headers().contentType().map(Object::toString).orElse("application/octet-stream");
        Instant occurredAt = text(request, "x-evidence-occurred-at").map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("x-evidence-occurred-at must be an RFC 3339 time in UTC");
            }
        }).orElse(null);
        return new UploadHeaders(title, text(request, "x-evidence-source-type").orElse("upload"), mime, occurredAt,
                id(request, "x-emergency-run-id"), id(request, "x-claim-id"), id(request, "x-dispute-id"));
    }

    /** {@code x-evidence-title*} (RFC 8187) wins over {@code x-evidence-title}; either is stored exactly. */
    private static String title(ServerRequest request) {
        Optional<String> extended = Optional.ofNullable(request.headers().firstHeader("x-evidence-title*"))
                .map(value -> HeaderText.extended(value.strip(), "x-evidence-title*"));
        return extended.or(() -> text(request, "x-evidence-title"))
                .map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> Text.checked(value, "x-evidence-title", MAX_TEXT))
                .orElseThrow(() -> ProblemException.badRequest("x-evidence-title is required"));
    }

    private static Optional<String> text(ServerRequest request, String name) {
        return Optional.ofNullable(request.headers().firstHeader(name)).map(HeaderText::plain).map(String::strip)
                .filter(v -> !v.isEmpty()).map(value -> Text.checked(value, name, MAX_TEXT));
    }

    private static UUID id(ServerRequest request, String name) {
        return text(request, name).map(value -> Ids.parse(value, name)).orElse(null);
    }
}
