package dev.custos.api.evidence;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.ApiDocs;
import dev.custos.api.support.EdgeTimes;
import dev.custos.api.support.Ids;
import dev.custos.api.support.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springdoc.core.fn.builders.operation.Builder;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The metadata of an upload, which travels in headers because the body is the raw evidence. */
record UploadHeaders(
        String title,
        String sourceType,
        String contentMime,
        Instant occurredAt,
        UUID emergencyRunId,
        UUID claimId,
        UUID disputeId) {

    /** The one time an upload takes, described in the OpenAPI document as a date-time header. */
    static final String OCCURRED_AT = "x-evidence-occurred-at";

    private static final int MAX_TEXT = 500;

    static UploadHeaders of(ServerRequest request) {
        String title = title(request);
        String mime = request.headers().contentType().map(Object::toString).orElse("application/octet-stream");
        Instant occurredAt = text(request, OCCURRED_AT)
                .map(value -> EdgeTimes.instant(value, OCCURRED_AT))
                .orElse(null);
        return new UploadHeaders(
                title,
                text(request, "x-evidence-source-type").orElse("upload"),
                mime,
                occurredAt,
                id(request, "x-emergency-run-id"),
                id(request, "x-claim-id"),
                id(request, "x-dispute-id"));
    }

    /** The upload's headers in the OpenAPI document, each with its type: the time shows as a date-time. */
    static Consumer<Builder> described(Consumer<Builder> operation) {
        Consumer<Builder> described = ApiDocs.withHeader(operation, "x-evidence-title", String.class, true);
        for (String text : List.of("x-evidence-title*", "x-evidence-source-type")) {
            described = ApiDocs.withHeader(described, text, String.class, false);
        }
        described = ApiDocs.withHeader(described, OCCURRED_AT, Instant.class, false);
        for (String id : List.of("x-emergency-run-id", "x-claim-id", "x-dispute-id")) {
            described = ApiDocs.withHeader(described, id, UUID.class, false);
        }
        return described;
    }

    /** {@code x-evidence-title*} (RFC 8187) wins over {@code x-evidence-title}; either is stored exactly. */
    private static String title(ServerRequest request) {
        Optional<String> extended = Optional.ofNullable(request.headers().firstHeader("x-evidence-title*"))
                .map(value -> HeaderText.extended(value.strip(), "x-evidence-title*"));
        return extended.or(() -> text(request, "x-evidence-title"))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> Text.checked(value, "x-evidence-title", MAX_TEXT))
                .orElseThrow(() -> ProblemException.badRequest("x-evidence-title is required"));
    }

    private static Optional<String> text(ServerRequest request, String name) {
        return Optional.ofNullable(request.headers().firstHeader(name))
                .map(HeaderText::plain)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(value -> Text.checked(value, name, MAX_TEXT));
    }

    private static UUID id(ServerRequest request, String name) {
        return text(request, name).map(value -> Ids.parse(value, name)).orElse(null);
    }
}
