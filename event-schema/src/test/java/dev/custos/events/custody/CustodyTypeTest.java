package dev.custos.events.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.custody.CustodyType.Use;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the catalogue answers for a key: a type only for its uses, nothing for a key it does not name. */
class CustodyTypeTest {

    @Test
    void aTypeIsAllowedOnlyForItsUses() {
        assertThat(CustodyType.allows(Use.HOLD, "emergency_run")).isTrue();
        assertThat(CustodyType.allows(Use.SCOPE, "emergency_run")).isFalse();
        assertThat(CustodyType.allows(Use.MATERIAL, "claim")).isFalse();
        assertThat(CustodyType.allows(Use.HOLD, "tenant")).isFalse();
        assertThat(CustodyType.allows(Use.HOLD, null)).isFalse();
        assertThat(CustodyType.of(Use.MATERIAL, "claim_dossier")).contains(CustodyType.CLAIM_DOSSIER);
        assertThat(CustodyType.of(Use.SCOPE, "dispute")).isEmpty();
        assertThat(CustodyType.of("Evidence_Object")).isEmpty();
    }

    @Test
    void theKeysOfAUseAreItsTypesInDeclarationOrder() {
        assertThat(CustodyType.keys(Use.SCOPE))
                .containsExactly("evidence_object", "evidence_bundle", "claim", "claim_dossier");
    }

    @Test
    void eachTypeHasItsOwnKeyAndItsOwnTable() {
        assertThat(Arrays.stream(CustodyType.values()).map(CustodyType::key))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[a-z_]+"));
        assertThat(Arrays.stream(CustodyType.values()).map(CustodyType::readTable))
                .doesNotHaveDuplicates()
                .allMatch(table -> table.matches("cc_[a-z_]+"));
    }
}
