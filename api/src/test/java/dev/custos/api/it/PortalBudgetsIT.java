package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.Shares.Share;
import dev.custos.api.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's brute-force budgets with the production defaults (100 failed exchanges a minute per address, a
 * 250 ms denial floor, the 200 ms..25 s passcode throttle), in a context of their own. The loopback peer is a
 * trusted proxy here so that each test can speak from its own client address.
 */
class PortalBudgetsIT extends IntegrationTest {

    private static final Duration FLOOR = Duration.ofMillis(250);

    @DynamicPropertySource
    static void productionBudgets(DynamicPropertyRegistry registry) {
        registry.add("custos.portal.failed-exchanges-per-minute", () -> "100");
        registry.add("custos.portal.denial-floor", () -> "250ms");
        registry.add("custos.portal.trusted-proxies", () -> "127.0.0.1");
    }

    /** This test's own client address (documentation range), so budgets used up by one test do not leak. */
    private final String address = "198.51." + ThreadLocalRandom.current().nextInt(0, 255) + "."
            + ThreadLocalRandom.current().nextInt(0, 25);

    private Caller operator;
    private UUID bundle;
    private ExecutorService pool;

    @BeforeEach
    void tenantWithASharedBundle() {
        UUID individual = UUID.randomUUID();
        operator = as(individual, createTenant(individual));
        bundle = Evidence.sealedBundle(operator, "Bundle", Evidence.sealed(operator, "Photo"));
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private Share share(String passcode) {
        return Shares.share(
                operator, Instant.now().plus(1, ChronoUnit.DAYS), null, passcode, Map.of("evidence_bundle", bundle));
    }

    /** One exchange from {@code from}: its status and how long the answer took. */
    private Answer exchange(String from, String token, String passcode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("token", token));
        if (passcode != null) {
            body.put("passcode", passcode);
        }
        long started = System.nanoTime();
        int status = http().post()
                .uri("/p/authority/session")
                .header("X-Forwarded-For", from)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        return new Answer(status, Duration.ofNanos(System.nanoTime() - started));
    }

    private List<Answer> concurrently(int count, java.util.function.IntFunction<Answer> attempt) throws Exception {
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> attempt.apply(index), pool));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    @Test
    void unknownGuessesFromOneAddressRunOutOfBudgetAndStoreNothing() throws Exception {
        String events = "SELECT count(*) FROM domain_event_entry";
        String buckets = "SELECT count(*) FROM portal_rate_limit_buckets";
        long eventsBefore = TestDatabase.count(databaseName(), events);
        long bucketsBefore = TestDatabase.count(databaseName(), buckets);

        List<Answer> answers =
                concurrently(130, i -> exchange(address, UUID.randomUUID().toString(), null));

        assertThat(answers).allMatch(answer -> answer.status() == 401 || answer.status() == 429);
        // Up to one pool's worth may pass the check while the last allowed failures are still in flight.
        assertThat(answers.stream().filter(answer -> answer.status() == 401).count())
                .isBetween(100L, 116L);
        assertThat(TestDatabase.count(databaseName(), events)).isEqualTo(eventsBefore);
        assertThat(TestDatabase.count(databaseName(), buckets)).isEqualTo(bucketsBefore);
        // Once over budget, even a valid token from that address waits; another address is unaffected.
        Share share = share(null);
        assertThat(exchange(address, share.token().raw(), null).status()).isEqualTo(429);
        assertThat(exchange(address + "1", share.token().raw(), null).status()).isEqualTo(200);
    }

    @Test
    void everyDenialTakesAtLeastTheFloor() throws Exception {
        Share revoked = share(null);
        operator.post("/api/authority/tokens/" + revoked.token().id() + "/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isOk();
        List<Duration> unknown = new ArrayList<>();
        List<Duration> revokedTimes = new ArrayList<>();
        List<Duration> wrongPasscode = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            unknown.add(timedDenial(exchange(address, UUID.randomUUID().toString(), null)));
            revokedTimes.add(timedDenial(exchange(address, revoked.token().raw(), null)));
            // A fresh guarded token each time, so that the passcode throttle does not add its own delay.
            wrongPasscode.add(timedDenial(
                    exchange(address, share("the-passcode-" + i).token().raw(), "wrong-one")));
        }
        System.out.printf(
                "denial medians (ms): unknown %d, revoked %d, wrong passcode %d%n",
                median(unknown), median(revokedTimes), median(wrongPasscode));
    }

    private static Duration timedDenial(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.took()).isGreaterThanOrEqualTo(FLOOR);
        return answer.took();
    }

    private static long median(List<Duration> samples) {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2).toMillis();
    }

    @Test
    void wrongPasscodesOnOneTokenAreSpacedOutByAGrowingDelay() {
        Share guarded = share("correct horse");
        long started = System.nanoTime();
        for (int failure = 0; failure < 4; failure++) {
            assertThat(exchange(address + failure, guarded.token().raw(), "wrong " + failure)
                            .status())
                    .isEqualTo(401);
        }
        // Checks after 1, 2 and 3 failures wait 200, 400 and 800 ms after the one before, whoever sends them.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        // The rightful reader still gets in, 1.6 s after the fourth failure, and that clears the record.
        assertThat(exchange(address, guarded.token().raw(), "correct horse").status())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(3000));
        Answer afterSuccess = exchange(address, guarded.token().raw(), "wrong again");
        assertThat(afterSuccess.status()).isEqualTo(401);
        assertThat(afterSuccess.took()).isLessThan(Duration.ofMillis(1600));
    }

    @Test
    void aFloodOfGuessesFromManyAddressesIsMostlyRefusedAndTheReaderStillGetsIn() throws Exception {
        Share guarded = share("correct horse");
        List<Answer> flood =
                concurrently(40, i -> exchange("192.0.2." + i, guarded.token().raw(), "guess " + i));
        long checked = flood.stream().filter(answer -> answer.status() == 401).count();
        long refused = flood.stream().filter(answer -> answer.status() == 429).count();
        assertThat(checked + refused).isEqualTo(40);
        // Slots 0, 0.2, 0.6, 1.4, 3.0, 6.2, 12.6 s (and one more as failures land) fit within 25 s; every other guess
        // is refused unchecked.
        assertThat(checked).isLessThanOrEqualTo(8);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> exchange(address, guarded.token().raw(), "correct horse")
                                .status()
                        == 200);
    }

    record Answer(int status, Duration took) {}
}
