package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a read surface shows of a payload that holds a secret: a commitment in its place, at any depth. */
class SecretFieldsTest {

    private static final String HASH = "$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

    @Test
    void aSecretIsReplacedByTheSha256OfItsBytesInEitherNaming() throws Exception {
        JsonNode payload = ChainEncoding.JSON.readTree("{\"requirePasscode\":true,\"passcodeHash\":\"" + HASH
                + "\",\"nested\":[{\"passcode_hash\":\"" + HASH + "\",\"title\":\"kept\"}]}");

        SecretFields.Redacted shown = SecretFields.redact(payload);

        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(HASH.getBytes(StandardCharsets.UTF_8)));
        assertThat(shown.pointers()).containsExactly("/passcodeHash", "/nested/0/passcode_hash");
        assertThat(shown.payload().toString())
                .doesNotContain(HASH)
                .contains("\"title\":\"kept\"")
                .contains("\"requirePasscode\":true");
        assertThat(shown.payload().get("passcodeHash").get("sha256").stringValue())
                .isEqualTo(sha256);
        assertThat(SecretFields.isCommitment(shown.payload().at("/nested/0/passcode_hash")))
                .isTrue();
        assertThat(payload.get("passcodeHash").stringValue())
                .as("the given payload is left as it is")
                .isEqualTo(HASH);
    }

    @Test
    void aPayloadWithoutASecretIsTheSameNode() {
        JsonNode payload = ChainEncoding.JSON.readTree("{\"tokenHash\":\"ab\",\"passcodeHash\":null}");

        SecretFields.Redacted shown = SecretFields.redact(payload);

        assertThat(shown.any()).isFalse();
        assertThat(shown.payload()).isSameAs(payload);
    }

    @Test
    void onlyTheExactCommitmentIsOne() {
        assertThat(SecretFields.isCommitment(ChainEncoding.JSON.readTree("{\"sha256\":\"" + "a".repeat(64) + "\"}")))
                .isTrue();
        assertThat(SecretFields.isCommitment(ChainEncoding.JSON.readTree("{\"sha256\":\"" + "A".repeat(64) + "\"}")))
                .isFalse();
        assertThat(SecretFields.isCommitment(
                        ChainEncoding.JSON.readTree("{\"sha256\":\"" + "a".repeat(64) + "\",\"x\":1}")))
                .isFalse();
        assertThat(SecretFields.isCommitment(ChainEncoding.JSON.readTree("\"" + "a".repeat(64) + "\"")))
                .isFalse();
        assertThat(SecretFields.lastField("/a~1b/pass~0codeHash")).isEqualTo("pass~codeHash");
    }
}
