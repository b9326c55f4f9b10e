package dev.custos.events.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.custos.events.custody.CustodyType.Use;

/** The request patterns are the catalogue: a type added to one and not the other fails here. */
class CustodyTypeTest {

    @Test
    void eachPatternListsExactlyTheTypesOfItsUse() {
        assertThat(Set.of(CustodyType.HOLDABLE.split("\\|"))).isEqualTo(CustodyType.keys(Use.HOLD));
        assertThat(Set.of(CustodyType.SCOPABLE.split("\\|"))).isEqualTo(CustodyType.keys(Use.SCOPE));
        assertThat(Set.of(CustodyType.MATERIAL.split("\\|"))).isEqualTo(CustodyType.keys(Use.MATERIAL));
    }

    @Test
    void aTypeIsAllowedOnlyForItsUses() {
        assertThat(CustodyType.allows(Use.HOLD, "emergency_run")).isTrue();
        assertThat(CustodyType.allows(Use.SCOPE, "emergency_run")).isFalse();
        assertThat(CustodyType.allows(Use.MATERIAL, "claim")).isFalse();
        assertThat(CustodyType.allows(Use.HOLD, "tenant")).isFalse();
        assertThat(CustodyType.allows(Use.HOLD, null)).isFalse();
    }
}
