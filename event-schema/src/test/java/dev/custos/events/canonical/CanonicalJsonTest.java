package dev.custos.events.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form is what manifest hashes are taken over: it must be exactly reproducible. */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelAndThereIsNoWhiteSpace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", true);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("title", "x");
        outer.put("members", List.of(inner, 2));
        outer.put("empty", null);
        assertThat(CanonicalJson.write(outer))
                .isEqualTo("{\"empty\":null,\"members\":[{\"a\":true,\"z\":1},2],\"title\":\"x\"}");
    }

    @Test
    void stringsCarryOnlyTheEscapesJsonRequires() {
        assertThat(CanonicalJson.write("say \"hi\"\\\n\t\u0001 é €"))
                .isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001 é €\"");
    }

    @Test
    void valuesWithoutOneCanonicalFormAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(1.5d)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHashIsTheSha256OfTheUtf8Bytes() {
        assertThat(CanonicalJson.sha256Hex("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }
}
