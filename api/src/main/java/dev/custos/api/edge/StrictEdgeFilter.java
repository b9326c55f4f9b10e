package dev.custos.api.edge;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.problem.ProblemWriter;
import dev.custos.api.support.Text;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, before security and before any route, what no route may see: a JSON body over the limit (413), a body
 * whose {@code Content-Type} cannot be parsed (400) or is not UTF-8 JSON (415), and query or header values with
 * control characters or past {@link Text#MAX_PARAMETER} (400). Public routes get the same treatment as operator
 * routes, so a stranger cannot reach a decoder with anything the service would fail on. The raw evidence upload is
 * the one body that is not JSON; it streams under its own limit.
 */
@Component
@Order(-200)
class StrictEdgeFilter implements WebFilter {

    private final ProblemWriter problems;
    private final long maxJsonBytes;

    StrictEdgeFilter(
            ProblemWriter problems, @Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxJsonBytes) {
        this.problems = problems;
        this.maxJsonBytes = maxJsonBytes.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Refusal> refusal = refusal(exchange.getRequest());
        if (refusal.isEmpty()) {
            return chain.filter(exchange);
        }
        return problems.refuse(exchange, refusal.get().status(), refusal.get().detail());
    }

    Optional<Refusal> refusal(ServerHttpRequest request) {
        return parameters(request.getQueryParams())
                .or(() -> headers(request.getHeaders()))
                .or(() -> body(request));
    }

    private Optional<Refusal> body(ServerHttpRequest request) {
        if (!carriesBody(request.getMethod()) || isRawBody(request)) {
            return Optional.empty();
        }
        if (request.getHeaders().getContentLength() > maxJsonBytes) {
            return Optional.of(
                    new Refusal(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + maxJsonBytes + " bytes"));
        }
        String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "The Content-Type header cannot be parsed"));
        }
        boolean json = (MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardType())
                || "json".equals(type.getSubtypeSuffix());
        if (!json || !utf8(type)) {
            return Optional.of(new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemException.JSON_BODIES_ONLY));
        }
        return Optional.empty();
    }

    private static boolean utf8(MediaType type) {
        String charset = type.getParameter("charset");
        if (charset == null) {
            return true;
        }
        try {
            return Charset.forName(charset.replace("\"", "")).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean carriesBody(HttpMethod method) {
        return HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method);
    }

    private static Optional<Refusal> parameters(MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (unacceptable(entry.getKey()) || entry.getValue().stream().anyMatch(v -> v != null && unacceptable(v))) {
                return Optional.of(new Refusal(
                        HttpStatus.BAD_REQUEST,
                        "A query parameter has control characters " + "or is longer than " + Text.MAX_PARAMETER
                                + " characters"));
            }
        }
        return Optional.empty();
    }

    /**
     * Header values arrive as Latin-1, so UTF-8 text shows up as bytes 0x80..0xFF; only C0 controls and DEL are
     * refused here, and the routes that read a text header decode and check it fully ({@code x-evidence-title}).
     */
    private static Optional<Refusal> headers(HttpHeaders headers) {
        for (Map.Entry<String, List<String>> entry : headers.headerSet()) {
            for (String value : entry.getValue()) {
                if (value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
                    return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "A header has control characters"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean unacceptable(String value) {
        return Text.problem(value, Text.MAX_PARAMETER, false).isPresent();
    }

    record Refusal(HttpStatus status, String detail) {}

    /** The one route whose body is not JSON: the evidence upload streams raw bytes of any type. */
    private static boolean isRawBody(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && "/api/evidence"
                        .equals(request.getPath().pathWithinApplication().value());
    }
}
