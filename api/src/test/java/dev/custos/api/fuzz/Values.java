package dev.custos.api.fuzz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Boundary, hostile and ordinary values, drawn at random. */
final class Values {

    static final List<String> HOSTILE_TEXT = List.of(
            "",
            " ",
            "\u0000",
            "bad\u0000text",
            "line\nbreak",
            "\t",
            "\u001b[31m",
            "résumé",
            "Ζημιά",
            "屋根",
            "🏠📷",
            "\ud800",
            "' OR 1=1 --",
            "\"; DROP TABLE x; --",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "%00",
            "${jndi:ldap://x}",
            "null",
            "true",
            "0",
            "-1",
            "custos:admin",
            "a".repeat(201),
            "b".repeat(5000));
    static final List<String> BAD_IDS = List.of(
            "not-a-uuid",
            "1-1-1-1-1",
            "%2e%2e%2f%2e%2e%2f",
            "..%2F..%2Fetc",
            "%00",
            "0",
            "x".repeat(300),
            "00000000-0000-0000-0000-000000000000",
            "%E2%80%AE",
            "%20");
    static final List<String> NUMBERS = List.of(
            "-1",
            "0",
            "1",
            "50",
            "499",
            "500",
            "501",
            "2147483648",
            "99999999999999999999",
            "1e3",
            "abc",
            "",
            "%00",
            "1.5");

    private final Random random;
    private final World world;

    Values(Random random, World world) {
        this.random = random;
        this.world = world;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    String id() {
        double roll = random.nextDouble();
        if (roll < 0.6) {
            return pick(world.ids()).toString();
        }
        if (roll < 0.75) {
            return UUID.randomUUID().toString();
        }
        if (roll < 0.8) {
            return pick(world.ids()).toString().toUpperCase(Locale.ROOT);
        }
        return pick(BAD_IDS);
    }

    Object text(Integer maxLength) {
        double roll = random.nextDouble();
        if (roll < 0.4) {
            return "fuzz " + random.nextInt(1000);
        }
        if (roll < 0.5 && maxLength != null) {
            return "m".repeat(maxLength + (chance(0.5) ? 1 : 0));
        }
        return pick(HOSTILE_TEXT);
    }

    Object time() {
        double roll = random.nextDouble();
        if (roll < 0.6) {
            return Instant.now()
                    .plus(random.nextInt(120) - 10, ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        return pick(List.of(
                "9999-12-31T23:59:59Z",
                "1970-01-01T00:00:00Z",
                "2026-13-45T99:99:99Z",
                "yesterday",
                "",
                "2026-12-02",
                "2026-12-02T10:00:00+25:00",
                "-999999999-01-01T00:00:00Z"));
    }

    Object integer(Number minimum, Number maximum) {
        if (chance(0.5) && minimum != null) {
            return minimum.longValue() + random.nextInt(3) - 1;
        }
        if (chance(0.5) && maximum != null) {
            return maximum.longValue() + random.nextInt(3) - 1;
        }
        return pick(List.<Object>of(0, 1, -1, 7, Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, "12"));
    }

    /** A value of the wrong kind for whatever was expected. */
    Object wrongType() {
        return pick(List.<Object>of(12, -3.5, true, List.of(1, 2), java.util.Map.of("k", "v"), "text", ""));
    }
}
