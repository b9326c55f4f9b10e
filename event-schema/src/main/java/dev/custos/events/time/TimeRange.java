package dev.custos.events.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one Java home of "which times can Custos keep": instants and dates from 0001-01-01 to 9999-12-31 in UTC, to the
 * microsecond. PostgreSQL keeps timestamptz to the microsecond and rounds finer digits half-up, which can carry
 * 9999-12-31T23:59:59.9999995Z into the year 10000, and it stores years it cannot show in RFC 3339 (before year 1,
 * past 9999, {@code infinity}). So the edge refuses what is outside the range, and keeps what it accepts truncated to
 * the microsecond, never rounded: a value never moves into another second or day.
 *
 * <p>It lives beside the events because the edge (which refuses) and the projections (which must never write what
 * the edge would refuse, even from an event stored before the rule) both apply it. The one SQL home is
 * {@code custos_time_kept(timestamptz)} and {@code custos_date_kept(date)} (migration {@code R__time_rules.sql}), with
 * which migration V25 repaired the rows stored before; {@code StoredTimesIT} shows that the two agree at both edges.
 */
public final class TimeRange {

    /** The first instant kept: 0001-01-01T00:00:00Z. */
    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant kept, to the microsecond PostgreSQL keeps: 9999-12-31T23:59:59.999999Z. */
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private TimeRange() {}

    /** Whether an instant is inside the range; sub-microsecond digits never take it out (they are truncated). */
    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && !kept(instant).isAfter(LAST);
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /** The instant as Custos keeps it: truncated to the microsecond (toward the past, never into the next second). */
    public static Instant kept(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Whether two instants are one value once stored: equal when kept. A repeated request's time is compared with the
     * stored one so, never within a tolerance (both sides were truncated the same way, so none is needed).
     */
    public static boolean sameAsStored(Instant one, Instant other) {
        return Objects.equals(kept(one), kept(other));
    }

    /**
     * What a projection writes for a stored event's instant, which may predate the rule: kept, and moved to the
     * nearest edge of the range when outside it. An event is never changed; only its read row is bounded.
     */
    public static Instant clamped(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant kept = kept(instant);
        return kept.isBefore(FIRST) ? FIRST : kept.isAfter(LAST) ? LAST : kept;
    }

    /** What a projection writes for an optional instant (a fact that may be unknown): kept, or nothing when outside. */
    public static Instant orNone(Instant instant) {
        return instant == null || !contains(instant) ? null : kept(instant);
    }

    /** What a projection writes for a stored event's date: moved to the nearest edge of the range when outside it. */
    public static LocalDate clamped(LocalDate date) {
        if (date == null) {
            return null;
        }
        return date.isBefore(FIRST_DATE) ? FIRST_DATE : date.isAfter(LAST_DATE) ? LAST_DATE : date;
    }
}
