package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.PortalAssets;
import dev.custos.api.support.PortalBrowser;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The portal page's paths in a real browser (Debian's headless Chromium): open, passcode, index; downloads and
 * manifests verified in the browser, a tampered blob caught; dossiers with their claim and files; keyboard use. Each
 * state it reaches is checked with axe-core and saved as a screenshot under {@code target/portal-screenshots}; the
 * error states are in {@link PortalPageStatesIT}, the page's own hash and the check itself in {@link PortalPageToolsIT}.
 */
class PortalPageIT extends IntegrationTest {

    @Test
    void thePageAndItsOwnFilesAreServedNeverCachedNeverIndexedAndWithAStrictPolicy() {
        http().get()
                .uri("/p/authority")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/html")
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader()
                .valueEquals("X-Robots-Tag", "noindex, nofollow")
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        policy -> assertThat(policy)
                                .contains("default-src 'none'")
                                .contains("script-src 'self'")
                                .contains("frame-ancestors 'none'")
                                .doesNotContain("unsafe"))
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                        .doesNotContain("<script>")
                        .doesNotContain("http://")
                        .doesNotContain("https://"));
        for (String script : List.of("format.js", "sha256.js", "portal-view.js", "portal.js")) {
            assertThat(PortalAssets.script(http(), script))
                    .doesNotContain("innerHTML")
                    .doesNotContain("localStorage")
                    .doesNotContain("eval(")
                    .doesNotContain("http://")
                    .doesNotContain("https://");
        }
        http().get()
                .uri("/p/authority/assets/portal.css")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/css");
        http().get()
                .uri("/p/authority/assets/application.yml")
                .exchange()
                .expectStatus()
                .isNotFound();
        http().get()
                .uri("/p/authority/assets/..%2Fapplication.yml")
                .exchange()
                .expectStatus()
                .is4xxClientError()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("custos:"));
    }

    /**
     * A wrong passcode is said to be wrong and the reader may try again; the right one opens the index, where each
     * sealed bundle shows its files nested under it. The token has left the address bar before anything is typed.
     */
    @Test
    void aReaderOpensTheShareWithThePasscodeAndSeesBundlesWithTheirFiles() throws Exception {
        Caller me = newTenant();
        UUID roof = Evidence.sealed(me, "Roof photo");
        UUID loose = Evidence.sealed(me, "Adjuster's notes");
        UUID bundle = Evidence.sealedBundle(me, "Claim 7 pack", roof, Evidence.sealed(me, "Gutter photo"));
        Share share = Shares.share(
                me,
                Instant.now().plus(Duration.ofDays(3)),
                null,
                "page-passcode-42",
                Map.of("evidence_bundle", bundle, "evidence_object", loose));

        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open(page(share));
            browser.shown("#passcode");
            assertThat(browser.currentUrl()).doesNotContain(share.token().raw()).doesNotContain("#");
            browser.find("#passcode").sendKeys("not-the-passcode");
            browser.click("#passcode-submit");
            browser.shown("#passcode-error");
            assertThat(browser.focusedId()).isEqualTo("passcode");
            assertThat(browser.find("#passcode").getAttribute("aria-invalid")).isEqualTo("true");
            browser.assertAccessible();
            browser.screenshot("passcode-wrong");

            browser.find("#passcode").sendKeys("page-passcode-42");
            browser.click("#passcode-submit");
            browser.shown("#index");
            assertThat(browser.find("#title").getText()).isEqualTo("Claim 7 for the adjuster");
            assertThat(browser.find("#grant").getText())
                    .contains("Shared with you as an adjuster")
                    .containsPattern("expires in 3 days")
                    .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
            assertThat(browser.findAll("#bundles article")).hasSize(1);
            assertThat(browser.find("#bundles article h3").getText()).isEqualTo("Claim 7 pack");
            assertThat(browser.findAll("#bundles article .files .file-title"))
                    .extracting(e -> e.getText())
                    .containsExactly("Roof photo", "Gutter photo");
            assertThat(browser.findAll("#loose .file-title"))
                    .extracting(e -> e.getText())
                    .containsExactly("Adjuster's notes");
            assertThat(browser.find("#bundles-part").getText()).doesNotContain("Adjuster's notes");
            browser.assertAccessible();
            browser.screenshot("index");
        }
    }

    /**
     * The browser checks what it downloads, hashed whole with WebCrypto and, for a large file, chunk by chunk as it
     * streams in: marked verified only when the bytes are the sealed SHA-256. After the stored blob is changed on
     * disk, both ways show the mismatch and save nothing. A manifest's hash is recomputed from the text served.
     */
    @Test
    void theBrowserVerifiesDownloadsAndManifestsAndCatchesATamperedBlob() throws Exception {
        Caller me = newTenant();
        byte[] content = ("roof photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UUID photo = UUID.fromString(
                (String) Evidence.upload(me, "Roof photo", content).get("id"));
        me.post("/api/evidence/" + photo + "/seal", Map.of()).expectStatus().isOk();
        UUID bundle = Evidence.sealedBundle(me, "Claim 7 roof photos", photo);
        Share share =
                Shares.share(me, Instant.now().plus(Duration.ofDays(1)), null, null, Map.of("evidence_bundle", bundle));
        String check = "#bundles .files .check";

        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open(page(share));
            browser.shown("#index");
            assertThat(browser.find("#grant").getText())
                    .containsPattern("expires in (23|24) hours")
                    .contains("Available until");
            assertThat(browser.find("#bundles .files .meta").getText())
                    .startsWith("Text file · " + content.length + " bytes · captured ")
                    .contains(" · sealed ");

            browser.click("#bundles article > button");
            browser.waitForText("#bundles article > .check", "Verified");
            assertThat(browser.find("#bundles details pre").getAttribute("textContent"))
                    .contains(photo.toString());

            download(browser, check, "Verified");
            assertThat(browser.find(check).getText())
                    .contains(Evidence.sha256(content))
                    .contains("Saved");
            streamAbove(browser, 0);
            download(browser, check, "Verified");
            browser.assertAccessible();
            browser.screenshot("verified");

            tamper(content);
            download(browser, check, "Warning");
            assertThat(browser.find(check).getText())
                    .contains("not the " + Evidence.sha256(content))
                    .contains("not saved");
            streamAbove(browser, 32_000_000);
            download(browser, check, "Warning");
            assertThat(browser.find(check).getText()).contains("not the " + Evidence.sha256(content));
            browser.assertAccessible();
            browser.screenshot("mismatch");
        }
    }

    /** A shared claim dossier shows its claim and the files it lists, and its hash is recomputed in the browser. */
    @Test
    void aSharedDossierShowsItsClaimAndFilesAndItsHashIsRecomputed() throws Exception {
        Caller me = newTenant();
        me.assign("insurance_operator", me.individual(), null);
        UUID claim = UUID.fromString((String) me.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-9",
                                "policy_ref",
                                "POL-9",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail damage"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
        Evidence.uploadFor(me, "x-claim-id", claim, "Roof photo");
        Map<?, ?> dossier = me.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> shared = me.post(
                        "/api/operator/insurance/dossiers/" + dossier.get("id") + "/share-authority",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "Hail claim",
                                "expires_at",
                                Instant.now().plus(Duration.ofDays(2)).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        try (PortalBrowser browser = PortalBrowser.desktop()) {
            String url = (String) shared.get("share_url");
            browser.open(page(url.substring(url.indexOf("#token=") + "#token=".length())));
            browser.shown("#dossiers");
            assertThat(browser.find("#grant").getText()).contains("Shared with you as an insurer");
            assertThat(browser.find("#dossiers article h3").getText()).isEqualTo("Hail damage");
            assertThat(browser.find("#dossiers article").getText())
                    .contains("Claim CLM-9 · policy POL-9 · loss on")
                    .contains("20, 2026")
                    .contains((String) dossier.get("dossier_sha256"));
            assertThat(browser.findAll("#dossiers .files .file-title"))
                    .extracting(e -> e.getText())
                    .containsExactly("Roof photo");
            assertThat(browser.find("#loose-part").isDisplayed()).isFalse();
            browser.click("#dossiers article > button");
            browser.waitForText("#dossiers article > .check", "Verified");
            assertThat(browser.find("#dossiers details pre").getAttribute("textContent"))
                    .contains(claim.toString());
            browser.assertAccessible();
            browser.screenshot("dossier");
        }
    }

    /** With the keyboard alone a reader enters the passcode, opens the share and checks a manifest. */
    @Test
    void theKeyboardAloneIsEnough() throws Exception {
        Caller me = newTenant();
        UUID bundle = Evidence.sealedBundle(me, "Claim 9 pack", Evidence.sealed(me, "Roof photo"));
        Share share = Shares.share(
                me, Instant.now().plus(Duration.ofDays(1)), null, "keyboard-42", Map.of("evidence_bundle", bundle));
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open(page(share));
            browser.shown("#passcode");
            assertThat(browser.focusedId()).isEqualTo("passcode-heading");
            browser.press(Keys.TAB);
            assertThat(browser.focusedId()).isEqualTo("passcode");
            browser.press("keyboard-42", Keys.ENTER);
            browser.shown("#index");
            assertThat(browser.focusedId()).isEqualTo("title");
            browser.press(Keys.TAB);
            assertThat(browser.script("return document.activeElement.getAttribute('aria-label');"))
                    .isEqualTo("Check the manifest: Claim 9 pack");
            browser.press(Keys.ENTER);
            browser.waitForText("#bundles article > .check", "Verified");
        }
    }

    private Caller newTenant() {
        UUID operator = UUID.randomUUID();
        return as(operator, createTenant(operator));
    }

    private static void download(PortalBrowser browser, String check, String outcome) {
        browser.script(
                "var c = document.querySelector(arguments[0]); c.textContent = ''; c.className = 'check';", check);
        browser.click("#bundles .files button");
        browser.waitForText(check, outcome);
    }

    /** Files above this size are hashed as they stream in (the page's own setting, on its root element). */
    private static void streamAbove(PortalBrowser browser, long bytes) {
        browser.script(
                "document.documentElement.setAttribute('data-stream-above', arguments[0]);", String.valueOf(bytes));
    }

    /** Changes the stored blob on disk, as a storage provider or an intruder might. */
    private static void tamper(byte[] content) throws Exception {
        try (var files = Files.walk(blobDirectory())) {
            Path blob = files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return Arrays.equals(Files.readAllBytes(file), content);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    })
                    .findFirst()
                    .orElseThrow();
            Files.write(blob, "roof photo, edited".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The share link for this test server (share URLs name the configured public base URL). */
    private String page(Share share) {
        return page(share.token().raw());
    }

    private String page(String rawToken) {
        return "http://127.0.0.1:" + port + "/p/authority#token=" + rawToken;
    }
}
