package dev.custos.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.custody.CustodyType;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every custody type is a kind an action can target, under the same key, and no two kinds share a key. */
class ObjectKindTest {

    @ParameterizedTest
    @EnumSource(CustodyType.class)
    void everyCustodyTypeIsAKindOfTheSameKey(CustodyType custody) {
        assertThat(ObjectKind.of(custody).key()).isEqualTo(custody.key());
        assertThat(Arrays.stream(ObjectKind.values()).map(ObjectKind::key)).doesNotHaveDuplicates();
    }
}
