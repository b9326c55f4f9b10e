package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.PortalAssets;
import dev.custos.api.support.PortalBrowser;
import dev.custos.api.support.Shares;
import dev.custos.api.support.SignedLog;
import dev.custos.events.canonical.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Log receipts in the portal page, checked by Debian's headless Chromium as a reader's browser checks them: a real
 * receipt says where the item is recorded and by which key; a changed entry, a changed proof hash, a changed
 * signature, a head signed by another key and a receipt for another item are each named as a failure, as plainly as
 * a hash mismatch; an item without a receipt is "not yet recorded", without alarm. The index is handed to the page in
 * place of the service's (its fetch is stubbed before the page's scripts run), so these tests hold for whatever makes
 * the index; the receipts are made by {@link SignedLog}. The page's own RFC 8785 and RFC 9162 code is run on the
 * published test data, and the same verdicts are reached with the vendored Ed25519 verifier.
 */
class PortalReceiptsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The published test data, kept (with its licences) beside the Java code that passes it too. */
    private static final Path SHARED_VECTORS = Path.of("..", "event-schema", "src", "test", "resources");

    private static final String OWNER = "Harbour Storage";
    private static final String SIGNED_AT = "2026-12-04T16:00:00Z";
    private static final String ALL_CHECKED =
            "return document.querySelectorAll('.receipt').length > 0 && !document.querySelector('.receipt.checking');";
    private static final String NOBLE_LOADED = "return performance.getEntriesByType('resource').some(function (e) {"
            + " return e.name.indexOf('/noble-ed25519.js') >= 0; });";

    @Test
    void eachReceiptIsCheckedInTheBrowserAndEachTamperingIsNamed() throws Exception {
        Fixture share = new Fixture();
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            Map<String, String> verdicts = open(browser, share, false);

            assertThat(browser.find("#log-key").getText())
                    .contains(OWNER + "'s log key custos.example/custos, fingerprint " + share.log.fingerprint())
                    .contains("compare the fingerprint");
            expectVerdicts(verdicts, share);
            assertThat((Boolean) browser.script(NOBLE_LOADED))
                    .as("WebCrypto has Ed25519 here: the fallback is not loaded")
                    .isFalse();
            browser.assertAccessible();
            browser.screenshot("receipts");
            browser.script("document.documentElement.style.scrollBehavior = 'auto';"
                    + "document.getElementById('dossiers-part').scrollIntoView();");
            browser.screenshot("receipts-failing");
        }
    }

    /**
     * The service's own receipts, end to end: a bundle shared before any signed head covers its sealing is "not yet
     * recorded"; once the tenant's head is signed, the page checks the receipts the index carries and names the key
     * the service publishes.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRealShareShowsTheServicesReceiptsOnceASignedHeadCoversTheSealing() throws Exception {
        UUID operator = UUID.randomUUID();
        Caller me = as(operator, createTenant(operator));
        UUID roof = Evidence.sealed(me, "Roof photo");
        UUID bundle = Evidence.sealedBundle(me, "Claim 7 pack", roof);
        Shares.Share share =
                Shares.share(me, Instant.now().plus(1, ChronoUnit.DAYS), null, null, Map.of("evidence_bundle", bundle));
        String page = "http://127.0.0.1:" + port + "/p/authority#token="
                + share.token().raw();

        try (PortalBrowser browser = PortalBrowser.desktop()) {
            Map<String, String> before = verdicts(browser, page);
            assertThat(before)
                    .containsEntry("Claim 7 pack", "not-recorded|Not yet recorded in a signed log head.")
                    .containsEntry("Roof photo", "not-recorded|Not yet recorded in a signed log head.");

            String session = Shares.session(http(), share.token().raw(), null);
            Map<String, Object> index = Map.of();
            for (int attempt = 0; attempt < 20 && !covered(index); attempt++) {
                // The sealing is chained a moment after it is answered; the head is signed again until it covers it.
                me.post("/api/audit/checkpoints", Map.of()).expectStatus().is2xxSuccessful();
                index = Shares.get(http(), session, "/p/authority/index")
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
                Thread.sleep(250);
            }
            assertThat(covered(index))
                    .as("a signed head covers the sealing: %s", index)
                    .isTrue();
            String fingerprint = ((String) index.get("log_key")).split("\\+")[1];
            Map<String, Object> receipt = (Map<String, Object>)
                    ((List<Map<String, Object>>) index.get("bundles")).get(0).get("receipt");
            long seq = ((Number) ((Map<String, Object>) receipt.get("inclusion")).get("seq")).longValue();
            long size = ((Number) ((Map<String, Object>) receipt.get("inclusion")).get("tree_size")).longValue();

            Map<String, String> after = verdicts(browser, page);
            assertThat(after.get("Claim 7 pack"))
                    .startsWith("verified|Recorded in " + index.get("log_owner") + "'s signed log as entry " + seq
                            + " of " + size + ", signed ")
                    .endsWith(" by key " + fingerprint + ".");
            assertThat(after.get("Roof photo"))
                    .startsWith("verified|Recorded in ")
                    .endsWith(fingerprint + ".");
            assertThat(browser.find("#log-key").getText()).contains("fingerprint " + fingerprint);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean covered(Map<String, Object> index) {
        Object bundles = index.get("bundles");
        return bundles instanceof List<?> list
                && !list.isEmpty()
                && ((Map<String, Object>) list.get(0)).get("receipt") != null;
    }

    /** A browser whose WebCrypto lacks Ed25519 loads the vendored verifier (within the page's policy) and agrees. */
    @Test
    void withoutEd25519InWebCryptoTheVendoredVerifierReachesTheSameVerdicts() throws Exception {
        Fixture share = new Fixture();
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            Map<String, String> verdicts = open(browser, share, true);
            expectVerdicts(verdicts, share);
            assertThat((Boolean) browser.script(NOBLE_LOADED)).isTrue();
            assertThat(((Number) browser.script("return window.ed25519Refused;")).intValue())
                    .isPositive();
        }
    }

    /** The page's canonical JSON gives the exact bytes of every RFC 8785 test case. */
    @Test
    @SuppressWarnings("unchecked")
    void thePagesCanonicalFormIsRfc8785sOnItsPublishedCases() throws Exception {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        try (Stream<Path> inputs = Files.list(SHARED_VECTORS.resolve("jcs").resolve("input"))) {
            for (Path input : inputs.sorted().toList()) {
                String name = input.getFileName().toString().replace(".json", "");
                String outhex = Files.readString(input.resolveSibling("../outhex/" + name + ".txt"))
                        .replaceAll("\\s", "");
                cases.put(name, List.of(Files.readString(input, StandardCharsets.UTF_8), outhex));
            }
        }
        assertThat(cases).hasSize(6);
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open("http://127.0.0.1:" + port + "/p/authority");
            browser.shown("#state-no-token");
            Map<String, String> got = (Map<String, String>) browser.script("""
                    var cases = arguments[0];
                    var out = {};
                    Object.keys(cases).forEach(function (name) {
                      var bytes = new TextEncoder().encode(CustosJcs.canonicalText(cases[name][0]));
                      out[name] = Array.prototype.map.call(bytes, function (b) {
                        return ('0' + b.toString(16)).slice(-2); }).join('');
                    });
                    return out;
                    """, cases);
            cases.forEach((name, inAndOut) -> assertThat(got.get(name)).as(name).isEqualTo(inAndOut.get(1)));
        }
    }

    /**
     * The page's inclusion check on the published RFC 6962 cases (the ones event-schema's MerkleTree passes): each
     * case that must be refused is, each other one accepted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePagesInclusionCheckPassesThePublishedCases() throws Exception {
        Path inclusion = SHARED_VECTORS.resolve("rfc6962").resolve("inclusion");
        List<String> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(inclusion)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(Files.readString(file));
            }
        }
        assertThat(cases).hasSizeGreaterThan(50);
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open("http://127.0.0.1:" + port + "/p/authority");
            browser.shown("#state-no-token");
            List<String> wrong = (List<String>) browser.asyncScript("""
                    var cases = arguments[0];
                    var done = arguments[arguments.length - 1];
                    var R = CustosReceipt;
                    function bytes(b64) { return b64 ? R.fromBase64(b64, 'hash') : new Uint8Array(0); }
                    Promise.all(cases.map(function (text) {
                      var c = JSON.parse(text);
                      var proof = (c.proof || []).map(bytes);
                      return R.verifyInclusion(c.leafIdx, c.treeSize, bytes(c.leafHash), proof, bytes(c.root))
                        .then(function (accepted) {
                          return accepted === !c.wantErr ? null : (c.desc || text.substring(0, 80)) + ': ' + accepted;
                        });
                    })).then(function (results) { done(results.filter(function (r) { return r !== null; })); },
                      function (error) { done(['threw: ' + error]); });
                    """, cases);
            assertThat(wrong).isEmpty();
        }
    }

    @Test
    void theReceiptScriptsAreServedAsThePagesOwn() {
        for (String script : List.of("jcs.js", "receipt.js", "noble-ed25519.js")) {
            assertThat(PortalAssets.script(http(), script))
                    .doesNotContain("innerHTML")
                    .doesNotContain("localStorage")
                    .doesNotContain("eval(");
        }
        byte[] vendored = http().get()
                .uri("/p/authority/assets/noble-ed25519.js")
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(CanonicalJson.sha256Hex(new String(vendored, StandardCharsets.UTF_8)))
                .as("the vendored library is the pinned one (portal/vendor/README.md)")
                .isEqualTo("a4f631d1876b5d9e43a86cd71194ca27b5e1451edf4ba4db9a418f40a475569a");
        http().get()
                .uri("/p/authority/assets/noble-ed25519.LICENSE")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private static void expectVerdicts(Map<String, String> verdicts, Fixture share) {
        assertThat(verdicts.get("Roof pack"))
                .startsWith("verified|Recorded in " + OWNER + "'s signed log as entry " + share.bundleSeq + " of "
                        + share.size + ", signed ")
                .endsWith(" by key " + share.log.fingerprint() + ".")
                .doesNotContain("T16:00");
        assertThat(verdicts.get("Roof photo"))
                .startsWith(
                        "verified|Recorded in " + OWNER + "'s signed log as entry 2 of " + share.size + ", signed ");
        assertThat(verdicts.get("Gutter photo")).isEqualTo("not-recorded|Not yet recorded in a signed log head.");
        assertThat(verdicts.get("Claim 7 roof damage"))
                .startsWith("mismatch|Warning: the log record of this dossier does not hold up (the entry is not in"
                        + " the signed log: the entry or its proof was changed)")
                .endsWith("Do not rely on it, and tell the sender.");
        assertThat(verdicts.get("Changed proof"))
                .startsWith("mismatch|")
                .contains("the entry or its proof was changed");
        assertThat(verdicts.get("Changed signature"))
                .startsWith("mismatch|")
                .contains("signature does not match the head");
        assertThat(verdicts.get("Another key"))
                .startsWith("mismatch|")
                .contains("not signed by the key this page trusts (" + share.log.fingerprint() + ")");
        assertThat(verdicts.get("Borrowed receipt"))
                .startsWith("mismatch|")
                .contains("records something else, not this file");
        assertThat(verdicts.get("Other size"))
                .startsWith("mismatch|")
                .contains("is for a log of " + (share.size - 1) + " entries, but the signed head is of " + share.size);
        assertThat(verdicts).doesNotContainKey("Unsealed notes").hasSize(9);
    }

    /**
     * Opens the page on the share's index (and, for {@code refuseEd25519}, in a browser whose WebCrypto refuses
     * Ed25519 keys) and answers each item's receipt verdict by its title: {@code <class>|<text>}.
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> open(PortalBrowser browser, Fixture share, boolean refuseEd25519) {
        browser.beforeEachPage(stub(share.index));
        if (refuseEd25519) {
            browser.beforeEachPage("""
                    (function () {
                      var subtle = window.crypto.subtle;
                      var importKey = subtle.importKey.bind(subtle);
                      window.ed25519Refused = 0;
                      subtle.importKey = function (format, key, algorithm) {
                        var name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
                        if (name === 'Ed25519') {
                          window.ed25519Refused++;
                          return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
                        }
                        return importKey.apply(null, arguments);
                      };
                    }());
                    """);
        }
        return verdicts(browser, "http://127.0.0.1:" + port + "/p/authority#token=fixture");
    }

    /** Opens the page afresh and answers each item's receipt verdict by its title: {@code <class>|<text>}. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> verdicts(PortalBrowser browser, String page) {
        // A new document each time: a change of fragment alone would not load the page again.
        browser.open("about:blank");
        browser.open(page);
        try {
            browser.shown("#index");
            browser.waitUntil(ALL_CHECKED);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the page did not check every receipt: "
                            + browser.script("return document.title + ' | '"
                                    + " + (window.pageErrors || []).join(' ; ') + ' | ' + document.body.innerText;"),
                    e);
        }
        return (Map<String, String>) browser.script("""
                var out = {};
                document.querySelectorAll('.receipt').forEach(function (node) {
                  var file = node.closest('li.file');
                  var title = file ? file.querySelector('.file-title') : node.closest('article').querySelector('h3');
                  out[title.textContent] = node.className.replace('receipt ', '') + '|' + node.textContent;
                });
                return out;
                """);
    }

    /** Answers the session and the index in place of the service; everything else is fetched as usual. */
    private static String stub(Map<String, Object> index) {
        return """
                (function () {
                  window.pageErrors = [];
                  window.addEventListener('error', function (e) { window.pageErrors.push(String(e.message)); });
                  window.addEventListener('unhandledrejection', function (e) {
                    window.pageErrors.push('unhandled: ' + e.reason);
                  });
                  var index = %s;
                  var fetched = window.fetch.bind(window);
                  function json(body) {
                    return Promise.resolve(new Response(JSON.stringify(body),
                      { status: 200, headers: { 'Content-Type': 'application/json' } }));
                  }
                  window.fetch = function (path, init) {
                    if (path === '/p/authority/session') {
                      return json({ ok: true, session_token: 'session', expires_at: index.grant.expires_at });
                    }
                    if (path === '/p/authority/index') { return json(index); }
                    return fetched(path, init);
                  };
                }());
                """.formatted(JSON.writeValueAsString(index));
    }

    /** A share of a tenant whose log holds the sealing of each item, with one receipt per way of going wrong. */
    private static final class Fixture {

        final UUID tenant = UUID.randomUUID();
        final SignedLog log = new SignedLog("custos.example/custos", "custos.example/custos/" + tenant, tenant);
        final Map<String, Object> index = new LinkedHashMap<>();
        final long bundleSeq;
        final long size;

        Fixture() throws IOException {
            log.append("dev.custos.events.directory.TenantCreated", "Tenant", tenant, Map.of("tenantId", s(tenant)));
            SealedFile roof = new SealedFile("Roof photo");
            SealedFile gutter = new SealedFile("Gutter photo");
            SealedFile changedProof = new SealedFile("Changed proof");
            SealedFile changedSignature = new SealedFile("Changed signature");
            SealedFile anotherKey = new SealedFile("Another key");
            SealedFile borrowed = new SealedFile("Borrowed receipt");
            SealedFile otherSize = new SealedFile("Other size");
            SealedFile unsealed = new SealedFile("Unsealed notes", false);
            UUID bundle = UUID.randomUUID();
            // The manifest names its files, in any language: the entry's bytes are UTF-8, escapes and all.
            String manifest = CanonicalJson.write(Map.of(
                    "title",
                    "Roof pack — Dachschäden 🏠",
                    "files",
                    List.of(Map.of("id", s(roof.id), "sha256", roof.sha256), Map.of("quote", "\"a\\b\""))));
            String manifestSha256 = CanonicalJson.sha256Hex(manifest);
            bundleSeq = log.append(
                    "dev.custos.events.evidence.EvidenceBundleSealed",
                    "EvidenceBundle",
                    bundle,
                    Map.of(
                            "tenantId",
                            s(tenant),
                            "bundleId",
                            s(bundle),
                            "manifestJson",
                            manifest,
                            "manifestSha256",
                            manifestSha256,
                            "sealedAt",
                            "2026-12-04T15:08:00Z"));
            UUID claim = UUID.randomUUID();
            UUID dossier = UUID.randomUUID();
            String dossierSha256 = CanonicalJson.sha256Hex("{\"dossier\":1}");
            long dossierSeq = log.append(
                    "dev.custos.events.insurance.ClaimDossierAssembled",
                    "Claim",
                    claim,
                    Map.of(
                            "tenantId", s(tenant),
                            "claimId", s(claim),
                            "dossierId", s(dossier),
                            "dossierSha256", dossierSha256,
                            "assembledAt", "2026-12-04T15:09:00Z"));
            size = log.append(
                    "dev.custos.events.audit.CheckpointSigned", "Tenant", tenant, Map.of("tenantId", s(tenant)));
            assertThat(log.line(bundleSeq)).startsWith("{\"seq\":" + bundleSeq + ",\"v\":2,");

            String witness = "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(new byte[72]) + "\n";
            String checkpoint = log.checkpoint(witness);

            roof.receipt = log.receipt(roof.seq, checkpoint, SIGNED_AT);
            Map<String, Object> dossierReceipt = log.receipt(dossierSeq, checkpoint, SIGNED_AT);
            dossierReceipt.put("entry", ((String) dossierReceipt.get("entry")).replace("15:09:00Z", "15:08:00Z"));
            changedProof.receipt = log.receipt(changedProof.seq, checkpoint, SIGNED_AT);
            inclusion(changedProof.receipt).put("hashes", changedFirst(inclusion(changedProof.receipt)));
            changedSignature.receipt = log.receipt(changedSignature.seq, changedSignature(checkpoint), SIGNED_AT);
            anotherKey.receipt = log.receipt(anotherKey.seq, log.checkpointByAnotherKey(), SIGNED_AT);
            borrowed.receipt = log.receipt(roof.seq, checkpoint, SIGNED_AT);
            otherSize.receipt = log.receipt(otherSize.seq, checkpoint, SIGNED_AT);
            inclusion(otherSize.receipt).put("tree_size", size - 1);

            index.put(
                    "grant",
                    Map.of(
                            "title",
                            "Claim 7 for the adjuster",
                            "grant_type",
                            "adjuster",
                            "expires_at",
                            Instant.now().plus(1, ChronoUnit.DAYS).toString()));
            index.put("log_owner", OWNER);
            index.put("log_origin", log.origin());
            index.put("log_key", log.verifierKey());
            Map<String, Object> bundleItem = new HashMap<>(Map.of(
                    "bundle_id",
                    s(bundle),
                    "title",
                    "Roof pack",
                    "manifest_sha256",
                    manifestSha256,
                    "sealed_at",
                    "2026-12-04T15:08:00Z",
                    "evidence_ids",
                    List.of(s(roof.id), s(gutter.id))));
            bundleItem.put("receipt", log.receipt(bundleSeq, checkpoint, SIGNED_AT));
            index.put("bundles", List.of(bundleItem));
            index.put(
                    "dossiers",
                    List.of(Map.of(
                            "dossier_id",
                            s(dossier),
                            "claim_id",
                            s(claim),
                            "dossier_sha256",
                            dossierSha256,
                            "assembled_at",
                            "2026-12-04T15:09:00Z",
                            "evidence_ids",
                            List.of(),
                            "receipt",
                            dossierReceipt)));
            index.put(
                    "claims",
                    List.of(Map.of(
                            "claim_id", s(claim),
                            "claim_number", "C-7",
                            "policy_ref", "P-1",
                            "loss_date", "2026-11-30",
                            "title", "Claim 7 roof damage")));
            index.put(
                    "evidence",
                    Stream.of(roof, gutter, changedProof, changedSignature, anotherKey, borrowed, otherSize, unsealed)
                            .map(SealedFile::item)
                            .toList());
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> inclusion(Map<String, Object> receipt) {
            return (Map<String, Object>) receipt.get("inclusion");
        }

        @SuppressWarnings("unchecked")
        private static List<String> changedFirst(Map<String, Object> inclusion) {
            List<String> hashes = new ArrayList<>((List<String>) inclusion.get("hashes"));
            byte[] first = Base64.getDecoder().decode(hashes.get(0));
            first[7] ^= 0x01;
            hashes.set(0, Base64.getEncoder().encodeToString(first));
            return hashes;
        }

        /** Our signature line with one bit of the signature (not of the key id before it) flipped. */
        private static String changedSignature(String checkpoint) {
            int start = checkpoint.indexOf("\u2014 custos.example/custos ") + "\u2014 custos.example/custos ".length();
            int end = checkpoint.indexOf('\n', start);
            byte[] signed = Base64.getDecoder().decode(checkpoint.substring(start, end));
            signed[40] ^= 0x01;
            return checkpoint.substring(0, start)
                    + Base64.getEncoder().encodeToString(signed)
                    + checkpoint.substring(end);
        }

        private static String s(UUID id) {
            return id.toString();
        }

        /** A sealed file, its sealing appended to the log as it is made. */
        private final class SealedFile {
            final UUID id = UUID.randomUUID();
            final String title;
            final String sha256;
            final long seq;
            final String sealedAt;
            Map<String, Object> receipt;

            SealedFile(String title) {
                this(title, true);
            }

            SealedFile(String title, boolean sealed) {
                this.title = title;
                this.sha256 = CanonicalJson.sha256Hex(title);
                this.sealedAt = sealed ? "2026-12-04T15:00:00Z" : null;
                this.seq = !sealed
                        ? 0
                        : log.append(
                                "dev.custos.events.evidence.EvidenceSealed",
                                "EvidenceObject",
                                id,
                                Map.of("tenantId", s(tenant), "evidenceId", s(id), "sealedAt", "2026-12-04T15:00:00Z"));
            }

            Map<String, Object> item() {
                Map<String, Object> item = new HashMap<>();
                item.put("id", s(id));
                item.put("title", title);
                item.put("content_mime", "image/jpeg");
                item.put("content_bytes", 1000L);
                item.put("content_sha256", sha256);
                item.put("sealed_at", sealedAt);
                item.put("receipt", receipt);
                return item;
            }
        }
    }
}
