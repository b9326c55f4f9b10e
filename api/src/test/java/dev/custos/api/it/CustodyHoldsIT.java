package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.CustodyObjects;
import dev.custos.api.support.CustodyObjects.Made;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule for "held", tried on every type the catalogue says can be held: a {@code restrict_sharing} hold on the object ends a
 * live portal session's access to the evidence under it at once, the evidence cannot be destroyed while it holds,
 * and releasing the hold gives the same session its access back.
 */
class CustodyHoldsIT extends IntegrationTest {

    static Set<String> holdable() {
        return CustodyType.keys(Use.HOLD);
    }

    /** A live session that reads {@code evidenceId}, and the object of type {@code targetType} that covers it. */
    private record Shared(String session, UUID evidenceId, UUID targetId, String path) {}

    @ParameterizedTest
    @MethodSource("holdable")
    void aRestrictingHoldOnTheObjectEndsLiveAccessAndBlocksDestruction(String targetType) {
        UUID operator = UUID.randomUUID();
        Caller caller = as(operator, createTenant(operator));
        for (String role : new String[] {"emergency_operator", "insurance_operator", "legal_operator"}) {
            caller.assign(role, operator, null);
        }
        Shared shared = share(caller, targetType);
        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId())
                .expectStatus()
                .isOk();
        Shares.get(http(), shared.session(), shared.path()).expectStatus().isOk();

        Map<?, ?> hold = caller.post(
                        "/api/operator/legal/holds",
                        Map.of(
                                "title",
                                "Hold on " + targetType,
                                "reason",
                                "litigation expected",
                                "restrict_sharing",
                                true))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        caller.post(
                        "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                        Map.of("target_type", targetType, "target_id", shared.targetId()))
                .expectStatus()
                .isCreated();

        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId())
                .expectStatus()
                .isNotFound();
        Shares.post(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId() + "/download")
                .expectStatus()
                .isNotFound();
        Shares.get(http(), shared.session(), shared.path()).expectStatus().isNotFound();
        Shares.get(http(), shared.session(), "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.evidence.length()")
                .isEqualTo(0);
        caller.delete("/api/evidence/" + shared.evidenceId()).expectStatus().isEqualTo(409);

        caller.post("/api/operator/legal/holds/" + hold.get("id") + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();
        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId())
                .expectStatus()
                .isOk();
        assertThat(Shares.eventTypes(caller, grantOf(caller))).contains("access_allowed");
    }

    private Shared share(Caller caller, String targetType) {
        Made made = CustodyObjects.make(caller, CustodyType.of(targetType).orElseThrow());
        String raw = made.sharePath() == null
                ? Shares.share(caller, inTwoDays(), null, null, Map.of(targetType, made.id()))
                        .token()
                        .raw()
                : shareUrl(caller, made.sharePath());
        return new Shared(session(raw), made.evidenceId(), made.id(), made.portalPath());
    }

    private UUID grantOf(Caller caller) {
        Map<?, ?> grants = caller.get("/api/authority/grants")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) ((Map<?, ?>) ((java.util.List<?>) grants.get("grants")).get(0)).get("id"));
    }

    private static String shareUrl(Caller caller, String object) {
        Map<?, ?> shared = caller.post(
                        object + "/share-authority",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Shared",
                                "expires_at",
                                inTwoDays().toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String url = (String) shared.get("share_url");
        return url.substring(url.indexOf("#token=") + 7);
    }

    private String session(String rawToken) {
        return Shares.session(http(), rawToken, null);
    }

    private static Instant inTwoDays() {
        return Instant.now().plus(2, ChronoUnit.DAYS);
    }
}
