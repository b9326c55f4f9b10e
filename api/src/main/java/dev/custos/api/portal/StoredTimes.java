package dev.custos.api.portal;

import dev.custos.api.support.EdgeTimes;
import dev.custos.events.time.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JacksonModule;

/**
 * Reads the times the portal's definer functions answer in {@code jsonb}, as PostgreSQL renders them: in the
 * session's time zone, a year before 1 as {@code 0001-12-31T18:09:24-05:50:36 BC}, a year past 9999 with five digits,
 * and {@code infinity}. Java's RFC 3339 parser reads none of these, and a portal read then failed with a 500 on every
 * call. Here each is read as the instant it stands for, and a stored value outside the range (written before the rule)
 * is served at the nearest edge of it, as {@link TimeRange#clamped} says: a stored value never breaks a read.
 */
final class StoredTimes {

    /** {@code [-]yyyy…-MM-dd[THH:mm:ss[.f…]±hh[:mm[:ss]]][ BC]}, as PostgreSQL writes timestamptz and date in JSON. */
    private static final Pattern RENDERED = Pattern.compile(
            "(\\d{4,9})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?([+-])(\\d{2})(?::(\\d{2}))?"
                    + "(?::(\\d{2}))?)?( BC)?");

    private StoredTimes() {}

    static JacksonModule module() {
        return EdgeTimes.module("custos-stored-times", StoredTimes::instant, StoredTimes::date);
    }

    static Instant instant(String text) {
        if ("infinity".equals(text)) {
            return TimeRange.LAST;
        }
        if ("-infinity".equals(text)) {
            return TimeRange.FIRST;
        }
        Matcher parts = matched(text);
        if (parts.group(4) == null) {
            return TimeRange.clamped(day(parts).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        int nanos = parts.group(7) == null
                ? 0
                : Integer.parseInt((parts.group(7).substring(1) + "00000000").substring(0, 9));
        LocalTime time = LocalTime.of(number(parts, 4), number(parts, 5), number(parts, 6), nanos);
        int sign = "-".equals(parts.group(8)) ? -1 : 1;
        ZoneOffset offset = ZoneOffset.ofHoursMinutesSeconds(
                sign * number(parts, 9), sign * number(parts, 10), sign * number(parts, 11));
        return TimeRange.clamped(LocalDateTime.of(day(parts), time).toInstant(offset));
    }

    static LocalDate date(String text) {
        if ("infinity".equals(text)) {
            return TimeRange.LAST_DATE;
        }
        if ("-infinity".equals(text)) {
            return TimeRange.FIRST_DATE;
        }
        return TimeRange.clamped(day(matched(text)));
    }

    private static Matcher matched(String text) {
        Matcher parts = RENDERED.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a time as PostgreSQL renders it");
        }
        return parts;
    }

    /** The day, in ISO years: PostgreSQL's 1 BC is year 0, 2 BC is year -1. */
    private static LocalDate day(Matcher parts) {
        int year = number(parts, 1);
        return LocalDate.of(parts.group(12) == null ? year : 1 - year, number(parts, 2), number(parts, 3));
    }

    private static int number(Matcher parts, int group) {
        return parts.group(group) == null ? 0 : Integer.parseInt(parts.group(group));
    }
}
