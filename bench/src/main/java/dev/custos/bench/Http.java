package dev.custos.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the bench: JSON in and out, operator JWTs signed with {@link #SECRET}, which the bench
 * gives the service it starts.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Random for each run: the bench starts the service it measures, so it needs no copy of a known secret. */
    static final String SECRET = UUID.randomUUID() + "-" + UUID.randomUUID();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String field) {
            return json().get(field).asString();
        }

        UUID id(String field) {
            return UUID.fromString(text(field));
        }
    }

    /** An operator's identity: who, in which tenant, with its JWT signed once (not per request, on the load's CPU). */
    record As(UUID individual, UUID tenant, String bearer) {
        static As of(UUID individual, UUID tenant, boolean admin) {
            return new As(individual, tenant, jwt(individual, admin));
        }
    }

    Answer get(String path, As as) {
        return send(builder(path, as).GET());
    }

    Answer getWithBearer(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .GET());
    }

    Answer post(String path, As as, Object body) {
        return send(builder(path, as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer postAnonymous(String path, Map<String, Object> body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer upload(As as, String title, byte[] content) {
        return send(builder("/api/evidence", as)
                .header("Content-Type", "text/plain")
                .header("x-evidence-title", title)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /** Fails loudly unless the answer has the expected status: a bench that measured errors would lie. */
    static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException(
                    "expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private HttpRequest.Builder builder(String path, As as) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + as.bearer());
        if (as.tenant() != null) {
            builder.header("x-tenant-id", as.tenant().toString());
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    static String jwt(UUID subject, boolean admin) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600)
                + (admin ? ",\"scope\":\"custos:admin\"" : "") + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
