package dev.custos.events.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run's scope grant holds until it is revoked or its expiry comes; the instant of expiry is already past it. */
class RunScopeWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aGrantHoldsUntilItsExpiryAndTheExpiryItselfIsPastIt() {
        assertThat(RunScopeWindow.status(null, null, NOW)).isEqualTo("active");
        assertThat(RunScopeWindow.status(null, NOW.plusNanos(1000), NOW)).isEqualTo("active");
        assertThat(RunScopeWindow.status(null, NOW, NOW)).isEqualTo("expired");
        assertThat(RunScopeWindow.status(null, NOW.minusSeconds(1), NOW)).isEqualTo("expired");
        assertThat(RunScopeWindow.live(null, NOW.plusSeconds(1), NOW)).isTrue();
        assertThat(RunScopeWindow.live(null, NOW, NOW)).isFalse();
    }

    @Test
    void aRevokedGrantIsRevokedWhateverItsExpiry() {
        assertThat(RunScopeWindow.status(NOW.minusSeconds(5), NOW.plusSeconds(60), NOW))
                .isEqualTo("revoked");
        assertThat(RunScopeWindow.status(NOW.minusSeconds(5), NOW.minusSeconds(60), NOW))
                .isEqualTo("revoked");
        assertThat(RunScopeWindow.live(NOW.minusSeconds(5), null, NOW)).isFalse();
    }
}
