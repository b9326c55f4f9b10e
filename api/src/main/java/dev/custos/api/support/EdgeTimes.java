package dev.custos.api.support;

import dev.custos.api.problem.Problem;
import dev.custos.api.problem.ProblemException;
import dev.custos.events.time.TimeRange;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one parser of instants and dates at the edge: every time in a JSON body (through {@link #module()}), a header
 * or a query goes through it. A time is an RFC 3339 string (an instant) or an ISO-8601 date, inside the range
 * {@link TimeRange} keeps; anything else is a 400 problem naming the field, without echoing the value. An accepted
 * instant is kept to the microsecond (finer digits are dropped, never rounded), so what is stored and served back is
 * exactly what was accepted.
 */
public final class EdgeTimes {

    public static final String INSTANT_RULE =
            "must be an RFC 3339 time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z";
    public static final String DATE_RULE = "must be a date (YYYY-MM-DD) from 0001-01-01 to 9999-12-31";

    private EdgeTimes() {}

    /** A header's or a query parameter's instant; {@code field} is its name in the problem. */
    public static Instant instant(String value, String field) {
        Instant instant = instantOrNull(value);
        if (instant == null) {
            throw invalid(field, INSTANT_RULE);
        }
        return instant;
    }

    /** A header's or a query parameter's date; {@code field} is its name in the problem. */
    public static LocalDate date(String value, String field) {
        LocalDate date = dateOrNull(value);
        if (date == null) {
            throw invalid(field, DATE_RULE);
        }
        return date;
    }

    /** The rule for a JSON body's field of this type, or {@code null} when it is not a time. */
    public static String ruleFor(Class<?> type) {
        return type == Instant.class ? INSTANT_RULE : type == LocalDate.class ? DATE_RULE : null;
    }

    /** The body deserializers: the same rule for every {@code Instant} and {@code LocalDate} of every request. */
    public static JacksonModule module() {
        return module("custos-edge-times", EdgeTimes::instantOrNull, EdgeTimes::dateOrNull);
    }

    /**
     * A module that reads every {@code Instant} and {@code LocalDate} from a JSON string with the given readers; a
     * reader answers {@code null} for a text it refuses, which fails the read naming the field and the rule.
     */
    public static JacksonModule module(
            String name, Function<String, Instant> instants, Function<String, LocalDate> dates) {
        return new SimpleModule(name)
                .addDeserializer(Instant.class, new Scalar<>(Instant.class, instants))
                .addDeserializer(LocalDate.class, new Scalar<>(LocalDate.class, dates));
    }

    private static Instant instantOrNull(String value) {
        try {
            Instant instant = Instant.parse(value);
            return TimeRange.contains(instant) ? TimeRange.kept(instant) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate dateOrNull(String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            return TimeRange.contains(date) ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ProblemException invalid(String field, String rule) {
        return ProblemException.invalid(List.of(new Problem.FieldError(field, rule)));
    }

    /** Only a JSON string is a time: a number is not read as epoch seconds, and an array is not a date. */
    private static final class Scalar<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> reader;

        Scalar(Class<T> type, Function<String, T> reader) {
            super(type);
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = reader.apply(parser.getString());
                if (value != null) {
                    return value;
                }
            }
            // The value itself is not kept in the failure: the problem names the field only.
            throw InvalidFormatException.from(parser, ruleFor(handledType()), null, handledType());
        }
    }
}
