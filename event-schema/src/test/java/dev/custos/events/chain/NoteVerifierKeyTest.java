package dev.custos.events.chain;

import static dev.custos.events.chain.GoNoteVectors.PETER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoteVerifierKeyTest {

    @Test
    void readsGosExampleKey() {
        NoteVerifierKey key = NoteVerifierKey.parse(PETER_KEY);

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyId()).isEqualTo(0xc74f20a3);
        assertThat(key.type()).isEqualTo(SignedNote.ED25519);
        assertThat(key.publicKey()).hasSize(32);
        assertThat(key).hasToString(PETER_KEY);
    }

    @Test
    void readsWhatTheWritingSideWrites() {
        byte[] publicKey = NoteVerifierKey.parse(PETER_KEY).publicKey();

        assertThat(NoteVerifierKey.parse(SignedNote.verifierKey("PeterNeumann", publicKey)))
                .isEqualTo(NoteVerifierKey.parse(PETER_KEY));
    }

    /** As Go's own test: every proper substring and every single-byte change of a good key is refused. */
    @Test
    void refusesEveryManglingOfAGoodKey() {
        char[] key = PETER_KEY.toCharArray();
        for (int i = 0; i <= key.length; i++) {
            for (int j = i + 1; j <= key.length; j++) {
                if (i != 0 || j != key.length) {
                    assertRefused(PETER_KEY.substring(i, j));
                }
            }
        }
        for (int i = 0; i < key.length; i++) {
            key[i]++;
            assertRefused(new String(key));
            key[i]--;
        }
    }

    @Test
    void refusesAKeyOfTheWrongLengthOrOfAnUnknownTypeEvenWithItsIdAdjusted() {
        assertRefused("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRefused("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void readsACosignerKeyOfType4() throws Exception {
        byte[] publicKey = Ed25519.raw(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        NoteVerifierKey written = NoteVerifierKey.of("witness.example/w1", SignedNote.COSIGNATURE_V1, publicKey);

        NoteVerifierKey read = NoteVerifierKey.parse(written.toString());

        assertThat(read).isEqualTo(written);
        assertThat(read.type()).isEqualTo(SignedNote.COSIGNATURE_V1);
        // The same key as a plain note key has another id: the type is part of what the id hashes.
        assertThat(NoteVerifierKey.of("witness.example/w1", SignedNote.ED25519, publicKey)
                        .keyId())
                .isNotEqualTo(read.keyId());
        assertThat(written.toString()).endsWith(Base64.getEncoder().encodeToString(concat(new byte[] {4}, publicKey)));
    }

    @Test
    void refusesNamesWithSpacesOrPlus() {
        assertThat(SignedNote.isKeyName("a\u00a0b")).isFalse();
        assertThat(SignedNote.isKeyName("a\u2003b")).isFalse();
        assertThat(SignedNote.isKeyName("a\u0085b")).isFalse();
        assertThat(SignedNote.isKeyName("a+b")).isFalse();
        assertThat(SignedNote.isKeyName("")).isFalse();
        assertThat(SignedNote.isKeyName("example.com/log42")).isTrue();
    }

    private static void assertRefused(String key) {
        assertThatThrownBy(() -> NoteVerifierKey.parse(key))
                .as("verifier key %s", key)
                .isInstanceOf(NoteException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
