package dev.custos.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The times PostgreSQL writes into the portal functions' jsonb, as it writes them (checked with {@code to_jsonb} on
 * PostgreSQL 15 and 17): each is read as the instant it stands for, or at the nearest edge of the range.
 */
class StoredTimesTest {

    @Test
    void timesInAnyZoneAndEraAreTheInstantsTheyStandFor() {
        assertThat(StoredTimes.instant("2026-11-20T10:00:00.123456+00:00"))
                .isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
        assertThat(StoredTimes.instant("9999-12-31T23:59:59.999999+00:00"))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        // The first instant, rendered in a session whose zone is America/Chicago (local mean time before 1883).
        assertThat(StoredTimes.instant("0001-12-31T18:09:24-05:50:36 BC"))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(StoredTimes.instant("2026-11-20T15:30:00+05:30")).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void storedValuesOutsideTheRangeAreServedAtItsEdges() {
        assertThat(StoredTimes.instant("-infinity")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(StoredTimes.instant("infinity")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(StoredTimes.instant("10000-01-01T00:00:00+00:00"))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(StoredTimes.instant("4713-11-24T00:00:00+00:00 BC"))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void datesLikewise() {
        assertThat(StoredTimes.date("2026-11-20")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(StoredTimes.date("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(StoredTimes.date("0001-02-29 BC")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(StoredTimes.date("-infinity")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(StoredTimes.date("infinity")).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(StoredTimes.date("10000-01-01")).isEqualTo(LocalDate.of(9999, 12, 31));
    }
}
