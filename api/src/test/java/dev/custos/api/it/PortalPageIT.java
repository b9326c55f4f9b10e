package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;

/**
 * The portal page in a real browser: Debian's headless Chromium, driven through Debian's chromedriver (nothing is
 * downloaded). It opens a share URL, is asked for the passcode, enters it and sees the index. CI installs both
 * packages (.ci/run); a machine without them skips this class.
 */
class PortalPageIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void thePageIsServedNeverCachedNeverIndexedAndWithAStrictPolicy() {
        http().get().uri("/p/authority").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Robots-Tag", "noindex, nofollow")
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("default-src 'none'").contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe"))
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                        .doesNotContain("<script>").doesNotContain("http://").doesNotContain("https://"));
        http().get().uri("/p/authority/portal.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .doesNotContain("innerHTML").doesNotContain("localStorage").contains("replaceState"));
    }

    @Test
    void aReaderOpensTheShareWithThePasscodeAndSeesTheIndex() throws Exception {
        UUID operator = UUID.randomUUID();
        Caller me = as(operator, createTenant(operator));
        UUID bundle = Evidence.sealedBundle(me, "Claim 7 pack", Evidence.sealed(me, "Roof photo"));
        Share share = Shares.share(me, Instant.now().plus(Duration.ofDays(1)), null, "page-passcode-42",
                Map.of("evidence_bundle", bundle));

        WebDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(page(share.token().raw()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passcode")));
            // The token has already left the address bar.
            assertThat(browser.getCurrentUrl()).doesNotContain(share.token().raw());
            browser.findElement(By.id("passcode")).sendKeys("page-passcode-42");
            browser.findElement(By.id("passcode-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("index")));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Claim 7 for the adjuster");
            assertThat(browser.findElement(By.id("bundles")).getText()).contains("Claim 7 pack").contains("sha256");
            assertThat(browser.findElement(By.id("evidence")).getText()).contains("Roof photo");
        } finally {
            browser.quit();
        }
    }

    /**
     * The browser checks what it downloads: the bytes fetched through the signed link are hashed with WebCrypto and
     * marked verified only when they are the sealed SHA-256; after the stored blob is changed on disk, the same
     * download is marked a mismatch and not saved. A manifest's hash is recomputed from the text served.
     */
    @Test
    void theBrowserVerifiesDownloadsAndManifestsAndCatchesATamperedBlob() throws Exception {
        UUID operator = UUID.randomUUID();
        Caller me = as(operator, createTenant(operator));
        byte[] content = ("roof photo " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UUID photo = UUID.fromString((String) Evidence.upload(me, "Roof photo", content).get("id"));
        me.post("/api/evidence/" + photo + "/seal", Map.of()).expectStatus().isOk();
        UUID bundle = Evidence.sealedBundle(me, "Claim 8 pack", photo);
        Share share = Shares.share(me, Instant.now().plus(Duration.ofDays(1)), null, null,
                Map.of("evidence_bundle", bundle));
        WebDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(page(share.token().raw()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("index")));
            // Times in the reader's zone with what is left, sizes in units people read.
            assertThat(browser.findElement(By.id("grant")).getText()).containsPattern("expires in (23|24) hours")
                    .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT").contains("Available until");
            assertThat(browser.findElement(By.id("evidence")).getText()).contains(content.length + " bytes");

            browser.findElement(By.cssSelector("#bundles button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#bundles .check"),
                    "Verified"));

            browser.findElement(By.cssSelector("#evidence button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evidence .check"),
                    "Verified"));
            assertThat(browser.findElement(By.cssSelector("#evidence .check")).getText())
                    .contains(Evidence.sha256(content));

            try (var files = Files.walk(blobDirectory())) {
                Path blob = files.filter(Files::isRegularFile).filter(file -> {
                    try {
                        return java.util.Arrays.equals(Files.readAllBytes(file), content);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
                Files.write(blob, "roof photo, edited".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            browser.findElement(By.cssSelector("#evidence button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evidence .check"),
                    "Warning"));
            assertThat(browser.findElement(By.cssSelector("#evidence .check")).getText())
                    .contains("not the " + Evidence.sha256(content)).contains("not saved");
        } finally {
            browser.quit();
        }
    }

    /** A shared claim dossier is listed with its claim, and its hash is recomputed in the browser. */
    @Test
    void aSharedDossierIsListedWithItsClaimAndItsHashRecomputed() throws Exception {
        UUID operator = UUID.randomUUID();
        Caller me = as(operator, createTenant(operator));
        me.assign("insurance_operator", operator, null);
        UUID claim = UUID.fromString((String) me.post("/api/insurance/claims", Map.of("claim_number", "CLM-9",
                        "policy_ref", "POL-9", "loss_date", "2026-11-20", "title", "Hail damage"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        Evidence.uploadFor(me, "x-claim-id", claim, "Roof photo");
        Map<?, ?> dossier = me.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> shared = me.post("/api/operator/insurance/dossiers/" + dossier.get("id") + "/share-authority",
                        Map.of("grant_type", "adjuster", "title", "Hail claim",
                                "expires_at", Instant.now().plus(Duration.ofDays(2)).toString()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        WebDriver browser = browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            String url = (String) shared.get("share_url");
            browser.get(page(url.substring(url.indexOf("#token=") + "#token=".length())));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossiers")));
            assertThat(browser.findElement(By.id("dossiers")).getText()).contains("Hail damage (claim CLM-9)")
                    .contains((String) dossier.get("dossier_sha256"));
            browser.findElement(By.cssSelector("#dossiers button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dossiers .check"),
                    "Verified"));
            assertThat(browser.findElement(By.id("manifest-title")).getText()).isEqualTo("Dossier");
            assertThat(browser.findElement(By.id("manifest")).getText()).contains(claim.toString());
        } finally {
            browser.quit();
        }
    }

    /** The share link for this test server (share URLs name the configured public base URL). */
    private String page(String rawToken) {
        return "http://localhost:" + port + "/p/authority#token=" + rawToken;
    }

    /** Debian's headless Chromium; the test is skipped where it is not installed. */
    private static WebDriver browser() throws java.io.IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("custos-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
