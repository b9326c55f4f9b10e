package dev.custos.api.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * One generated request. {@code validationPath} is the route's template with a well-formed id, so that the
 * answer is checked against the operation it was aimed at even when the id sent was nonsense.
 */
public record FuzzedRequest(
        String operation, String method, String path, String validationPath, Map<String, String> headers, byte[] body) {

    public HttpRequest toHttp(String base) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Short enough for a failure list; bodies are cut, since some are megabytes. */
    public String describe() {
        String shown = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        shown = shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
        return method + " " + (path.length() > 160 ? path.substring(0, 160) + "..." : path) + " " + headers.keySet()
                + " " + shown;
    }
}
