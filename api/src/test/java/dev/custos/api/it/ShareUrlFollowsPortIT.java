package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A service started on another {@code PORT} without {@code CUSTOS_PUBLIC_BASE_URL} hands out share links to that
 * port, not to 8080, where nothing of it listens. (The test's own server listens on a random port; {@code PORT} here
 * stands for what the operator set.)
 */
@TestPropertySource(properties = "PORT=18093")
class ShareUrlFollowsPortIT extends IntegrationTest {

    @Test
    void theShareLinkNamesThePortTheServiceWasGiven() {
        UUID individual = UUID.randomUUID();
        Caller operator = as(individual, createTenant(individual));
        UUID bundle = Evidence.sealedBundle(operator, "Pack", Evidence.sealed(operator, "Photo"));

        Shares.Share share = Shares.share(
                operator, Instant.now().plus(Duration.ofDays(1)), null, null, Map.of("evidence_bundle", bundle));

        assertThat(share.token().shareUrl()).startsWith("http://localhost:18093/p/authority#token=");
    }
}
