package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.blob.BlobStorage;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal as an adjuster uses it (P2.9.9): tokens, passcodes, scopes, revocation and signed downloads. */
class PortalAccessIT extends IntegrationTest {

    private static final Instant IN_A_DAY = Instant.now().plus(Duration.ofDays(1));

    @Autowired
    BlobStorage blobs;

    private UUID operator;
    private Caller me;
    private UUID bundleA;
    private UUID bundleB;
    private UUID memberOfA;
    private byte[] memberContent;

    @BeforeEach
    void tenantWithTwoSealedBundles() {
        operator = UUID.randomUUID();
        me = as(operator, createTenant(operator));
        memberContent = ("roof photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        memberOfA = UUID.fromString(
                (String) Evidence.upload(me, "Roof photo", memberContent).get("id"));
        me.post("/api/evidence/" + memberOfA + "/seal", Map.of()).expectStatus().isOk();
        bundleA = Evidence.sealedBundle(me, "Pack", memberOfA);
        bundleB = Evidence.sealedBundle(me, "Pack", Evidence.sealed(me, "Other"));
    }

    private Share shareOfA(Integer maxViews, String passcode) {
        return Shares.share(me, IN_A_DAY, maxViews, passcode, Map.of("evidence_bundle", bundleA));
    }

    private List<String> awaitEvent(UUID grantId, String type) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Shares.eventTypes(me, grantId).contains(type));
        return Shares.eventTypes(me, grantId);
    }

    @Test
    void aValidTokenOpensASessionThatListsTheShare() {
        Share share = shareOfA(null, null);
        assertThat(share.token().shareUrl())
                .endsWith("/p/authority#token=" + share.token().raw());
        String session = Shares.session(http(), share.token().raw(), null);
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.grant.title")
                .isEqualTo("Claim 7 for the adjuster")
                .jsonPath("$.grant.grant_type")
                .isEqualTo("adjuster")
                .jsonPath("$.bundles[0].bundle_id")
                .isEqualTo(bundleA.toString())
                .jsonPath("$.bundles.length()")
                .isEqualTo(1)
                .jsonPath("$.bundles[0].evidence_ids")
                .isEqualTo(List.of(memberOfA.toString()))
                .jsonPath("$.evidence[0].id")
                .isEqualTo(memberOfA.toString())
                .jsonPath("$.evidence[0].content_sha256")
                .isEqualTo(Evidence.sha256(memberContent))
                .jsonPath("$.evidence[0].blob_key")
                .doesNotExist();
        assertThat(awaitEvent(share.grantId(), "access_allowed")).contains("token_issued");
    }

    @Test
    void anExpiredTokenIsRefusedAndTheDenialIsLogged() throws Exception {
        Share share = shareOfA(null, null);
        var shortLived = Shares.token(me, share.grantId(), Instant.now().plusSeconds(1));
        Thread.sleep(1500);
        Shares.exchange(http(), shortLived.raw(), null)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .json("{\"ok\":false}");
        awaitEvent(share.grantId(), "access_denied");
        me.get("/api/authority/grants").expectStatus().isOk();
    }

    @Test
    void aPasscodeIsEnforced() {
        Share share = shareOfA(null, "correct horse");
        Shares.exchange(http(), share.token().raw(), null).expectStatus().isUnauthorized();
        Shares.exchange(http(), share.token().raw(), "wrong horse")
                .expectStatus()
                .isUnauthorized();
        assertThat(awaitEvent(share.grantId(), "passcode_failed")).contains("access_denied");
        Shares.session(http(), share.token().raw(), "correct horse");
        // The grant never shows the passcode or its hash.
        me.get("/api/authority/grants")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .doesNotContain("correct horse")
                        .doesNotContain("argon2")
                        .contains("\"require_passcode\":true"));
    }

    @Test
    void aSessionSeesOnlyItsScopes() {
        String session = Shares.session(http(), shareOfA(null, null).token().raw(), null);
        Shares.get(http(), session, "/p/authority/bundles/" + bundleA + "/manifest")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.bundle_id")
                .isEqualTo(bundleA.toString())
                .jsonPath("$.manifest_sha256")
                .isNotEmpty();
        byte[] outOfScope = Shares.get(http(), session, "/p/authority/bundles/" + bundleB + "/manifest")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] nonexistent = Shares.get(http(), session, "/p/authority/bundles/" + UUID.randomUUID() + "/manifest")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(outOfScope).isEqualTo(nonexistent);
        Shares.get(http(), session, "/p/authority/evidence/" + memberOfA)
                .expectStatus()
                .isOk();
        Shares.get(http(), session, "/p/authority/dossiers/" + UUID.randomUUID())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void revokingATokenEndsItsLiveSessionAtOnce() {
        Share share = shareOfA(null, null);
        String session = Shares.session(http(), share.token().raw(), null);
        Shares.get(http(), session, "/p/authority/index").expectStatus().isOk();
        me.post("/api/authority/tokens/" + share.token().id() + "/revoke", Map.of("reason", "sent to the wrong person"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked");
        Shares.get(http(), session, "/p/authority/index").expectStatus().isUnauthorized();
        Shares.exchange(http(), share.token().raw(), null).expectStatus().isUnauthorized();
        // The two events come from different streams, so the audit processor may land them in either order.
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        Shares.eventTypes(me, share.grantId()).containsAll(List.of("token_revoked", "access_denied")));
    }

    @Test
    void revokingAGrantDeniesEveryTokenAndSession() {
        Share share = shareOfA(null, null);
        var second = Shares.token(me, share.grantId(), null);
        String session = Shares.session(http(), second.raw(), null);
        me.post("/api/authority/grants/" + share.grantId() + "/revoke", Map.of("reason", "claim settled"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked")
                .jsonPath("$.active_token_count")
                .isEqualTo(0);
        Shares.exchange(http(), share.token().raw(), null).expectStatus().isUnauthorized();
        Shares.exchange(http(), second.raw(), null).expectStatus().isUnauthorized();
        Shares.get(http(), session, "/p/authority/index").expectStatus().isUnauthorized();
        awaitEvent(share.grantId(), "grant_revoked");
    }

    @Test
    void aRestrictSharingHoldEndsAccessToTheHeldObject() {
        String session = Shares.session(http(), shareOfA(null, null).token().raw(), null);
        me.assign("legal_operator", operator, null);
        Map<?, ?> hold = me.post(
                        "/api/operator/legal/holds",
                        Map.of("title", "Privilege review", "reason", "privileged content", "restrict_sharing", true))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        me.post(
                        "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                        Map.of("target_type", "evidence_object", "target_id", memberOfA))
                .expectStatus()
                .isCreated();
        Shares.get(http(), session, "/p/authority/evidence/" + memberOfA)
                .expectStatus()
                .isNotFound();
        Shares.post(http(), session, "/p/authority/evidence/" + memberOfA + "/download")
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.evidence.length()")
                .isEqualTo(0);
        // The sealed manifest lists the held member's title and sha256, and cannot be edited: it is withheld whole.
        Shares.get(http(), session, "/p/authority/bundles/" + bundleA + "/manifest")
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.bundles.length()")
                .isEqualTo(0);
    }

    @Test
    void theDownloadLinkReallyDownloadsAndOnlyForScopedEvidence() throws Exception {
        Share share = shareOfA(null, null);
        String session = Shares.session(http(), share.token().raw(), null);
        Map<?, ?> link = Shares.post(http(), session, "/p/authority/evidence/" + memberOfA + "/download")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String url = (String) link.get("url");
        Shares.SECRETS.add(url);
        assertThat(link.keySet().stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("url", "expires_at");
        assertThat(Instant.parse((String) link.get("expires_at")))
                .isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(61));
        assertThat((String) link.get("expires_at"))
                .as("RFC 3339 to the second")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        HttpResponse<byte[]> download = fetch(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(memberContent);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Roof_photo\"; filename*=UTF-8''Roof%20photo");

        String tampered = url.replace("X-Amz-Signature=", "X-Amz-Signature=00").substring(0, url.length());
        assertThat(fetch(tampered).statusCode()).isEqualTo(403);
        String otherObject = url.replace(memberOfA.toString(), UUID.randomUUID().toString());
        assertThat(fetch(otherObject).statusCode()).isEqualTo(403);

        Shares.post(http(), session, "/p/authority/evidence/" + UUID.randomUUID() + "/download")
                .expectStatus()
                .isNotFound();
        awaitEvent(share.grantId(), "download_issued");
    }

    @Test
    void anExpiredSignedLinkIsRefusedByTheStore() throws Exception {
        String key = "tenants/" + me.tenant() + "/evidence/" + memberOfA;
        String url = blobs.presignDownload(key, "x", Duration.ofSeconds(3)).url();
        assertThat(fetch(url).statusCode()).isEqualTo(200);
        Thread.sleep(4500);
        assertThat(fetch(url).statusCode()).isEqualTo(403);
    }

    @Test
    void onlySealedMaterialCanBeScoped() {
        UUID open = Evidence.uploadId(me, "Not sealed");
        Map<?, ?> grant = me.post(
                        "/api/authority/grants",
                        Map.of("grant_type", "insurer", "title", "t", "expires_at", IN_A_DAY.toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        me.post(
                        "/api/authority/grants/" + grant.get("id") + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", open))
                .expectStatus()
                .isEqualTo(409);
        me.post(
                        "/api/authority/grants/" + grant.get("id") + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        Map<?, ?> lenient = me.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "t",
                                "expires_at",
                                IN_A_DAY.toString(),
                                "metadata",
                                Map.of("allow_unsealed", true)))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        me.post(
                        "/api/authority/grants/" + lenient.get("id") + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", open))
                .expectStatus()
                .isCreated();
    }

    @Test
    void aRepeatedClientRequestIdCreatesNothingNew() {
        Map<String, Object> body = Map.of(
                "grant_type",
                "regulator",
                "title",
                "t",
                "expires_at",
                IN_A_DAY.toString(),
                "client_request_id",
                "req-" + UUID.randomUUID());
        Map<?, ?> first = me.post("/api/authority/grants", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        me.post("/api/authority/grants", body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first.get("id"));
        String request = "tok-" + UUID.randomUUID();
        Map<?, ?> token = me.post(
                        "/api/authority/grants/" + first.get("id") + "/tokens", Map.of("client_request_id", request))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Shares.SECRETS.add((String) token.get("token"));
        me.post("/api/authority/grants/" + first.get("id") + "/tokens", Map.of("client_request_id", request))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.token_id")
                .isEqualTo(token.get("token_id"))
                .jsonPath("$.token")
                .doesNotExist()
                .jsonPath("$.share_url")
                .doesNotExist();
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
