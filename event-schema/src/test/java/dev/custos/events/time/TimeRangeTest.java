package dev.custos.events.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The range's edges, the microsecond kept by truncation, and what a projection writes for a value outside. */
class TimeRangeTest {

    @Test
    void theRangeIsYear1ToYear9999InUtcBothEdgesIncluded() {
        assertThat(TimeRange.contains(Instant.parse("0001-01-01T00:00:00Z"))).isTrue();
        assertThat(TimeRange.contains(Instant.parse("9999-12-31T23:59:59.999999Z")))
                .isTrue();
        assertThat(TimeRange.contains(Instant.parse("0000-12-31T23:59:59.999999999Z")))
                .isFalse();
        assertThat(TimeRange.contains(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(TimeRange.contains(Instant.MIN)).isFalse();
        assertThat(TimeRange.contains(Instant.MAX)).isFalse();
        assertThat(TimeRange.contains(LocalDate.of(1, 1, 1))).isTrue();
        assertThat(TimeRange.contains(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(TimeRange.contains(LocalDate.of(0, 12, 31))).isFalse();
        assertThat(TimeRange.contains(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(TimeRange.contains(LocalDate.MIN)).isFalse();
    }

    @Test
    void finerThanAMicrosecondIsTruncatedNeverRoundedIntoTheNextSecond() {
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        assertThat(TimeRange.contains(last)).isTrue();
        assertThat(TimeRange.kept(last)).isEqualTo(TimeRange.LAST);
        assertThat(TimeRange.kept(Instant.parse("2026-11-20T10:00:00.1234565Z")))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
        // Before 1970 too: toward the past, which stays in the same second.
        assertThat(TimeRange.kept(Instant.parse("1969-12-31T23:59:59.9999999Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void twoInstantsAreOneStoredValueExactlyWhenTheyKeepTheSameMicrosecond() {
        Instant asked = Instant.parse("2026-11-20T10:00:00.1234569Z");
        assertThat(TimeRange.sameAsStored(asked, Instant.parse("2026-11-20T10:00:00.123456Z")))
                .isTrue();
        assertThat(TimeRange.sameAsStored(asked, Instant.parse("2026-11-20T10:00:00.1234561Z")))
                .isTrue();
        // Closer than a microsecond, but on either side of one: two stored values (no rounding makes them meet).
        assertThat(TimeRange.sameAsStored(
                        Instant.parse("2026-11-20T10:00:00.1234569Z"), Instant.parse("2026-11-20T10:00:00.1234570Z")))
                .isFalse();
        assertThat(TimeRange.sameAsStored(null, null)).isTrue();
        assertThat(TimeRange.sameAsStored(asked, null)).isFalse();
    }

    @Test
    void aStoredValueOutsideIsWrittenAtTheNearestEdgeOrAsNothingWhenOptional() {
        assertThat(TimeRange.clamped(Instant.MIN)).isEqualTo(TimeRange.FIRST);
        assertThat(TimeRange.clamped(Instant.parse("+294277-01-01T00:00:00Z"))).isEqualTo(TimeRange.LAST);
        assertThat(TimeRange.clamped(Instant.parse("2026-11-20T10:00:00.1234567Z")))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
        assertThat(TimeRange.clamped((Instant) null)).isNull();
        assertThat(TimeRange.orNone(Instant.MIN)).isNull();
        assertThat(TimeRange.orNone(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
        assertThat(TimeRange.orNone(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo(TimeRange.FIRST);
        assertThat(TimeRange.clamped(LocalDate.MIN)).isEqualTo(TimeRange.FIRST_DATE);
        assertThat(TimeRange.clamped(LocalDate.MAX)).isEqualTo(TimeRange.LAST_DATE);
        assertThat(TimeRange.clamped(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 20));
    }
}
