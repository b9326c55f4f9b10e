package dev.custos.events.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The validation pattern and message are the enum's keys, in its order: adding a type changes all three. */
class GrantTypeTest {

    @Test
    void thePatternAndTheMessageNameExactlyTheTypes() {
        String keys = Arrays.stream(GrantType.values()).map(GrantType::key).collect(Collectors.joining("|"));
        assertThat(GrantType.PATTERN).isEqualTo(keys);
        assertThat(GrantType.MESSAGE).isEqualTo("must be one of " + keys.replace("|", ", "));
        assertThat(GrantType.of("adjuster")).contains(GrantType.ADJUSTER);
        assertThat(GrantType.of("Adjuster")).isEmpty();
    }
}
