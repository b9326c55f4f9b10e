package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Authority shares for the tests, made through the API. Every secret a test sees (raw tokens, passcodes, session
 * tokens, signed URLs) is remembered in {@link #SECRETS}, so the log scan can look for each of them.
 */
public final class Shares {

    public static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Shares() {}

    /** A grant (with optional passcode and max views) scoped to {@code scopes}, and one token for it. */
    @SuppressWarnings("unchecked")
    public static Share share(
            Caller operator, Instant expiresAt, Integer maxViews, String passcode, Map<String, UUID> scopes) {
        Map<String, Object> grant = new HashMap<>(Map.of(
                "grant_type", "adjuster", "title", "Claim 7 for the adjuster", "expires_at", expiresAt.toString()));
        if (maxViews != null) {
            grant.put("max_views", maxViews);
        }
        if (passcode != null) {
            grant.put("require_passcode", true);
            grant.put("passcode", passcode);
            SECRETS.add(passcode);
        }
        Map<String, Object> created = operator.post("/api/authority/grants", grant)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID grantId = UUID.fromString((String) created.get("id"));
        for (Map.Entry<String, UUID> scope : scopes.entrySet()) {
            operator.post(
                            "/api/authority/grants/" + grantId + "/scopes",
                            Map.of("scope_type", scope.getKey().replaceAll("#.*", ""), "scope_id", scope.getValue()))
                    .expectStatus()
                    .isCreated();
        }
        return new Share(grantId, token(operator, grantId, null));
    }

    /** Issues a token for a grant and answers it, with its id. */
    @SuppressWarnings("unchecked")
    public static Token token(Caller operator, UUID grantId, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of() : Map.of("expires_at", expiresAt.toString());
        Map<String, Object> issued = operator.post("/api/authority/grants/" + grantId + "/tokens", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String raw = (String) issued.get("token");
        SECRETS.add(raw);
        return new Token(UUID.fromString((String) issued.get("token_id")), raw, (String) issued.get("share_url"));
    }

    /** Exchanges a token (and passcode) for a session, answering the raw response. */
    public static WebTestClient.ResponseSpec exchange(WebTestClient http, String token, String passcode) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        if (passcode != null) {
            body.put("passcode", passcode);
        }
        return http.post()
                .uri("/p/authority/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Exchanges and answers the session token; fails the test unless the exchange succeeds. */
    @SuppressWarnings("unchecked")
    public static String session(WebTestClient http, String token, String passcode) {
        Map<String, Object> answer = exchange(http, token, passcode)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String session = (String) answer.get("session_token");
        SECRETS.add(session);
        return session;
    }

    public static WebTestClient.ResponseSpec get(WebTestClient http, String session, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(session)).exchange();
    }

    public static WebTestClient.ResponseSpec post(WebTestClient http, String session, String path) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(session)).exchange();
    }

    /** Access-log event types of a grant, newest first. */
    @SuppressWarnings("unchecked")
    public static List<String> eventTypes(Caller operator, UUID grantId) {
        Map<String, Object> body = operator.get("/api/authority/grants/" + grantId + "/events?limit=500")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) body.get("events"))
                .stream().map(event -> (String) event.get("event_type")).toList();
    }

    public record Share(UUID grantId, Token token) {}

    public record Token(UUID id, String raw, String shareUrl) {}
}
