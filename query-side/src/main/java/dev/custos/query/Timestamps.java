package dev.custos.query;

import dev.custos.events.time.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between event instants and the timestamptz values JDBC and R2DBC speak. Every time a projection writes
 * passes through here, so a stored event's value outside the range Custos keeps (stored before the edge refused it)
 * is written bounded by {@link TimeRange}, never as {@code infinity} or a year PostgreSQL cannot show: a rebuild
 * cannot bring back what migration V25 repaired.
 */
public final class Timestamps {

    private Timestamps() {}

    /** A time the row must hold: kept to the microsecond, at the nearest edge of the range when outside it. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : TimeRange.clamped(instant).atOffset(ZoneOffset.UTC);
    }

    /** An optional fact (when evidence occurred): kept to the microsecond, or nothing when outside the range. */
    public static OffsetDateTime optional(Instant instant) {
        Instant kept = TimeRange.orNone(instant);
        return kept == null ? null : kept.atOffset(ZoneOffset.UTC);
    }

    /** A date the row must hold, at the nearest edge of the range when outside it. */
    public static LocalDate of(LocalDate date) {
        return TimeRange.clamped(date);
    }

    /**
     * The instant as a timestamptz column gives it back after {@link #of(Instant)} wrote it: an answer built from an
     * event, without a read, shows what a later read will show.
     */
    public static Instant asStored(Instant instant) {
        return TimeRange.clamped(instant);
    }

    public static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
