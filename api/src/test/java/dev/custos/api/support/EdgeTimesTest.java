package dev.custos.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** The edge's one parser, as headers and queries use it and as every body's Jackson reads a time. */
class EdgeTimesTest {

    private static final JsonMapper BODIES =
            JsonMapper.builder().addModule(EdgeTimes.module()).build();

    record Dated(Instant at, LocalDate on) {}

    @Test
    void insideTheRangeIsAcceptedAndKeptToTheMicrosecond() {
        assertThat(EdgeTimes.instant("0001-01-01T00:00:00Z", "at")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(EdgeTimes.instant("9999-12-31T23:59:59.999999999Z", "at"))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(EdgeTimes.date("9999-12-31", "on")).isEqualTo(LocalDate.of(9999, 12, 31));
        Dated dated = BODIES.readValue("{\"at\":\"2026-11-20T10:00:00.1234567Z\",\"on\":\"0001-01-01\"}", Dated.class);
        assertThat(dated).isEqualTo(new Dated(Instant.parse("2026-11-20T10:00:00.123456Z"), LocalDate.of(1, 1, 1)));
        assertThat(BODIES.readValue("{\"at\":null}", Dated.class).at()).isNull();
    }

    @Test
    void outsideTheRangeOrNotATimeIsAProblemNamingTheField() {
        for (String bad : List.of(
                "0000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999-00:01",
                "yesterday",
                "")) {
            assertThatThrownBy(() -> EdgeTimes.instant(bad, "x-evidence-occurred-at"))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            problem -> assertThat(problem.toProblem().errors())
                                    .extracting(error -> error.field())
                                    .containsExactly("x-evidence-occurred-at"));
            assertThatThrownBy(() -> BODIES.readValue("{\"at\":\"" + bad + "\"}", Dated.class))
                    .isInstanceOf(DatabindException.class)
                    .hasMessageContaining(EdgeTimes.INSTANT_RULE);
        }
        for (String bad : List.of("0000-01-01", "-999999999-01-01", "+10000-01-01", "2026-02-30")) {
            assertThatThrownBy(() -> EdgeTimes.date(bad, "on")).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> BODIES.readValue("{\"on\":\"" + bad + "\"}", Dated.class))
                    .isInstanceOf(DatabindException.class)
                    .hasMessageContaining(EdgeTimes.DATE_RULE);
        }
        // Only a string is a time: a number is not taken as seconds since 1970.
        assertThatThrownBy(() -> BODIES.readValue("{\"at\":1700000000}", Dated.class))
                .isInstanceOf(DatabindException.class);
    }
}
