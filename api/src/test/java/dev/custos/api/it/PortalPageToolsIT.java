package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.PortalBrowser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal page's own tools, checked on their own in Chromium: the incremental SHA-256 it uses for large files,
 * and the accessibility check every other page test relies on.
 */
class PortalPageToolsIT extends IntegrationTest {

    /** The chunked SHA-256 the page uses for large files agrees with WebCrypto, however the bytes are split. */
    @Test
    @SuppressWarnings("unchecked")
    void theChunkedHashAgreesWithWebCrypto() throws Exception {
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open("http://127.0.0.1:" + port + "/p/authority");
            browser.shown("#state-no-token");
            List<String> disagreements = (List<String>) browser.asyncScript("""
                    var done = arguments[arguments.length - 1];
                    function hex(buffer) { return Array.prototype.map.call(new Uint8Array(buffer),
                        function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''); }
                    var sizes = [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 65537, 1048577];
                    var checks = sizes.map(function (size) {
                      var bytes = new Uint8Array(size);
                      for (var i = 0; i < size; i += 65536) {
                        crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
                      }
                      var hash = CustosSha256();
                      for (var at = 0; at < size;) {
                        var step = 1 + Math.floor(Math.random() * 200);
                        hash.update(bytes.subarray(at, Math.min(size, at + step)));
                        at += step;
                      }
                      var chunked = hash.hex();
                      return crypto.subtle.digest('SHA-256', bytes).then(function (digest) {
                        return hex(digest) === chunked ? null : size + ': ' + chunked + ' != ' + hex(digest);
                      });
                    });
                    var abc = CustosSha256().update(new TextEncoder().encode('abc')).hex();
                    Promise.all(checks).then(function (results) {
                      var wrong = results.filter(function (r) { return r !== null; });
                      if (abc !== 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') {
                        wrong.push('abc: ' + abc);
                      }
                      done(wrong);
                    });
                    """);
            assertThat(disagreements).isEmpty();
        }
    }

    /** The accessibility check is real: the same page with its passcode field's label removed fails it. */
    @Test
    void theAccessibilityCheckCatchesAMissingLabel() throws Exception {
        try (PortalBrowser browser = PortalBrowser.desktop()) {
            browser.open("http://127.0.0.1:" + port + "/p/authority");
            browser.shown("#state-no-token");
            browser.script("document.querySelector('label[for=passcode]').remove();"
                    + "document.getElementById('state-passcode').hidden = false;");
            assertThat(browser.accessibilityViolations()).anyMatch(violation -> violation.startsWith("label:"));
        }
    }
}
