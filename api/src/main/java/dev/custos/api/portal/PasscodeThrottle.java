package dev.custos.api.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Slows passcode guessing on one token, from however many addresses. After {@code n} failures (and attempts
 * still in flight), passcode checks on the token are spaced {@code 200 ms · 2^(n-1)} apart, at most 25 s
 * (Nextcloud's curve): each attempt takes the next free slot and waits for it without holding a thread. An attempt whose slot is more than 25 s away is not
 * queued but refused at once (429), so a flood cannot pile up work. Nobody is locked out for good: a correct
 * passcode clears the record, and a token left alone for 15 minutes is forgotten.
 */
@Component
class PasscodeThrottle {

    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(25);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TOKENS = 100_000;

    private final BoundedMap<UUID, Record> records = new BoundedMap<>(MAX_TOKENS);
    private final Clock clock;

    PasscodeThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait before its passcode is checked, or empty when it is refused outright. */
    Optional<Duration> claim(UUID tokenId) {
        Instant now = clock.instant();
        Record record = records.computeIfAbsent(tokenId, ignored -> new Record());
        synchronized (record) {
            if (record.failures > 0 && now.isAfter(record.lastFailure.plus(FORGET_AFTER))) {
                record.failures = 0;
                record.pending = 0;
                record.nextSlot = now;
            }
            Instant slot = record.nextSlot.isAfter(now) ? record.nextSlot : now;
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(MAX_DELAY) > 0) {
                return Optional.empty();
            }
            // Attempts still being checked count as failures to come, so parallel guesses queue like serial ones.
            record.pending++;
            record.nextSlot = slot.plus(delayAfter(record.failures + record.pending));
            return Optional.of(wait);
        }
    }

    void failed(UUID tokenId) {
        Record record = records.computeIfAbsent(tokenId, ignored -> new Record());
        synchronized (record) {
            record.pending = Math.max(0, record.pending - 1);
            record.failures++;
            record.lastFailure = clock.instant();
            Instant earliest = record.lastFailure.plus(delayAfter(record.failures));
            if (earliest.isAfter(record.nextSlot)) {
                record.nextSlot = earliest;
            }
        }
    }

    /** An attempt that ended without a verdict (its client left, or the check failed): it is no longer pending. */
    void abandoned(UUID tokenId) {
        Record record = records.get(tokenId);
        if (record != null) {
            synchronized (record) {
                record.pending = Math.max(0, record.pending - 1);
            }
        }
    }

    void succeeded(UUID tokenId) {
        records.remove(tokenId);
    }

    /** The spacing after {@code failures} failed checks: none at first, then doubling from 200 ms to 25 s. */
    static Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static final class Record {
        private int failures;
        private int pending;
        private Instant lastFailure = Instant.EPOCH;
        private Instant nextSlot = Instant.EPOCH;
    }
}
