package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.PortalBrowser;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every state the portal page can be in, on a 360 px phone in Debian's headless Chromium: each is reached the way a
 * reader would reach it, explained in plain words, free of axe-core violations, without sideways scrolling, and
 * saved as a screenshot under {@code target/portal-screenshots}.
 */
class PortalPageStatesIT extends IntegrationTest {

    @Test
    void aLinkWithoutATokenSaysTheLinkIsIncomplete() throws Exception {
        try (PortalBrowser browser = PortalBrowser.phone()) {
            browser.open(base());
            browser.shown("#state-no-token");
            assertThat(browser.activeStateText())
                    .contains("This link is incomplete")
                    .contains("full link");
            assertState(browser, "no-token");
        }
    }

    /**
     * Expired, revoked, used up and unknown links read the same, word for word: the passcode prompt first (every
     * refusal is the same 401, so the page cannot tell "needs a passcode" from "cannot be opened"), then the one
     * denial for a reader who has no passcode.
     */
    @Test
    void deniedLinksAllReadTheSameAndRevealNothing() throws Exception {
        Caller me = newTenant();
        UUID bundle = Evidence.sealedBundle(me, "Pack", Evidence.sealed(me, "Roof photo"));
        Share revoked = Shares.share(me, inADay(), null, null, Map.of("evidence_bundle", bundle));
        me.post("/api/authority/tokens/" + revoked.token().id() + "/revoke", Map.of("reason", "wrong person"))
                .expectStatus()
                .isOk();
        Share usedUp = Shares.share(me, inADay(), 1, null, Map.of("evidence_bundle", bundle));
        Shares.session(http(), usedUp.token().raw(), null);
        Share expired = Shares.share(me, inADay(), null, null, Map.of("evidence_bundle", bundle));
        var shortLived = Shares.token(me, expired.grantId(), Instant.now().plusSeconds(1));
        Thread.sleep(1500);

        List<String> prompts = new java.util.ArrayList<>();
        List<String> denials = new java.util.ArrayList<>();
        for (String token : List.of(
                revoked.token().raw(),
                usedUp.token().raw(),
                shortLived.raw(),
                "an-unknown-token-" + UUID.randomUUID())) {
            try (PortalBrowser browser = PortalBrowser.phone()) {
                browser.open(base() + "#token=" + token);
                browser.shown("#state-passcode");
                prompts.add(browser.activeStateText());
                if (prompts.size() == 1) {
                    assertState(browser, "passcode");
                }
                browser.click("#no-passcode");
                browser.shown("#state-denied");
                denials.add(browser.activeStateText());
                if (denials.size() == 1) {
                    assertState(browser, "denied");
                }
            }
        }
        assertThat(prompts).containsOnly(prompts.get(0));
        assertThat(denials).containsOnly(denials.get(0));
        assertThat(denials.get(0))
                .contains("This link cannot be opened")
                .contains("does not say which")
                .contains("Ask the person who sent it");
    }

    /**
     * The sender withdraws the link while the reader is looking: the next action says the visit has ended and offers
     * to open the share again (with the passcode the page kept), which is then refused with the one denial.
     */
    @Test
    void aVisitEndedMidwayOffersToReenterAndAWithdrawnLinkIsThenDenied() throws Exception {
        Caller me = newTenant();
        UUID bundle = Evidence.sealedBundle(me, "Claim 7 pack", Evidence.sealed(me, "Roof photo"));
        Share share = Shares.share(me, inADay(), null, "midway-42", Map.of("evidence_bundle", bundle));
        try (PortalBrowser browser = PortalBrowser.phone()) {
            browser.open(base() + "#token=" + share.token().raw());
            browser.shown("#passcode").sendKeys("midway-42");
            browser.click("#passcode-submit");
            browser.shown("#index");
            assertState(browser, "index-phone");

            me.post("/api/authority/grants/" + share.grantId() + "/revoke", Map.of("reason", "matter settled"))
                    .expectStatus()
                    .isOk();
            browser.click("#bundles article > button");
            browser.shown("#state-session-ended");
            assertThat(browser.find("#index").isDisplayed()).isFalse();
            assertThat(browser.activeStateText())
                    .contains("Your visit has ended")
                    .contains("Open the share again");
            assertState(browser, "session-ended");

            browser.click("#reopen");
            browser.shown("#state-denied");
            assertThat(browser.focusedId()).isEqualTo("denied-heading");
        }
    }

    /** A reader who has used the link too often in a minute is told to wait a minute, in those words. */
    @Test
    void tooManyRequestsAsksTheReaderToWaitAMinute() throws Exception {
        Caller me = newTenant();
        UUID bundle = Evidence.sealedBundle(me, "Pack", Evidence.sealed(me, "Roof photo"));
        Share share = Shares.share(me, inADay(), null, null, Map.of("evidence_bundle", bundle));
        try (PortalBrowser browser = PortalBrowser.phone()) {
            browser.open(base());
            browser.shown("#state-no-token");
            // Spend this address's budget for the token from inside the page, as a reader clicking on would.
            Object statuses = browser.asyncScript(
                    """
                    var done = arguments[arguments.length - 1];
                    var seen = [];
                    function next(n) {
                      if (n === 0) { return done(seen); }
                      fetch('/p/authority/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                          body: JSON.stringify({ token: arguments[0] }) })
                        .then(function (r) { seen.push(r.status); if (r.status === 429) { done(seen); }
                                             else { next(n - 1); } });
                    }
                    next(200);
                    """.replace("arguments[0]", "'" + share.token().raw() + "'"));
            assertThat((List<?>) statuses).last().isEqualTo(429L);

            browser.open("about:blank"); // from the same page, a new fragment alone would not load it again
            browser.open(base() + "#token=" + share.token().raw());
            browser.shown("#state-rate-limited");
            assertThat(browser.activeStateText()).contains("Too many requests").contains("wait a minute");
            assertState(browser, "rate-limited");
        }
    }

    /** A dropped connection is said to be one, and "Try again" carries on where the reader was. */
    @Test
    void aNetworkErrorIsExplainedAndTryAgainRecovers() throws Exception {
        Caller me = newTenant();
        UUID bundle = Evidence.sealedBundle(me, "Pack", Evidence.sealed(me, "Roof photo"));
        Share share = Shares.share(me, inADay(), null, null, Map.of("evidence_bundle", bundle));
        try (PortalBrowser browser = PortalBrowser.phone()) {
            browser.devtools("Network.enable", Map.of());
            browser.devtools("Network.setBlockedURLs", Map.of("urls", List.of("*/p/authority/session")));
            browser.open(base() + "#token=" + share.token().raw());
            browser.shown("#state-network");
            assertThat(browser.activeStateText())
                    .contains("Custos could not be reached")
                    .contains("try again");
            assertState(browser, "network-error");

            browser.devtools("Network.setBlockedURLs", Map.of("urls", List.of()));
            browser.click("#state-network button.retry");
            browser.shown("#index");
            assertThat(browser.find("#bundles article h3").getText()).isEqualTo("Pack");
        }
    }

    /** Each state: no axe-core violations, nothing wider than the phone, and a screenshot to look at. */
    private static void assertState(PortalBrowser browser, String name) throws Exception {
        browser.assertAccessible();
        browser.assertNoSidewaysScrolling();
        assertThat(browser.script("return document.documentElement.clientWidth;"))
                .isEqualTo(360L);
        browser.screenshot(name + "-360");
    }

    private Caller newTenant() {
        UUID operator = UUID.randomUUID();
        return as(operator, createTenant(operator));
    }

    private static Instant inADay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/p/authority";
    }
}
