package dev.custos.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the checkpoint key comes from, and that production never runs on a generated one. */
class AuditSigningKeyTest {

    @TempDir
    Path dataDir;

    private static AuditProperties key(String value) {
        return new AuditProperties(value, null, null, null);
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyOnceAndKeepsIt() throws Exception {
        AuditSigningKey first =
                new AuditSigningKey(key(null), dataDir.toString(), "http://localhost:8080", new MockEnvironment());
        AuditSigningKey again =
                new AuditSigningKey(key(null), dataDir.toString(), "http://localhost:8080", new MockEnvironment());

        assertThat(dataDir.resolve(AuditSigningKey.FILE_NAME)).exists();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(AuditSigningKey.FILE_NAME)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
        byte[] checkpoint = "checkpoint".getBytes(StandardCharsets.UTF_8);
        assertThat(verifies(again, checkpoint, first.sign(checkpoint))).isTrue();
    }

    @Test
    void aConfiguredKeyIsUsedInPemOrBase64() throws Exception {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        String base64 = Base64.getEncoder().encodeToString(pkcs8);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";

        AuditSigningKey fromPem = new AuditSigningKey(key(pem), dataDir.toString(), "http://localhost:8080", prod());
        AuditSigningKey fromBase64 =
                new AuditSigningKey(key(base64), dataDir.toString(), "http://localhost:8080", prod());

        assertThat(fromPem.keyId()).isEqualTo(fromBase64.keyId());
        assertThat(verifies(fromPem, new byte[] {1, 2}, fromBase64.sign(new byte[] {1, 2})))
                .isTrue();
        assertThat(verifies(fromPem, new byte[] {1, 3}, fromBase64.sign(new byte[] {1, 2})))
                .isFalse();
        assertThat(dataDir.resolve(AuditSigningKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new AuditSigningKey(key(""), dataDir.toString(), "http://localhost:8080", prod()))
                .hasMessageContaining("CUSTOS_AUDIT_SIGNING_KEY");
        assertThat(dataDir.resolve(AuditSigningKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedWithoutBeingEchoed() throws Exception {
        String rsa = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("RSA")
                        .generateKeyPair()
                        .getPrivate()
                        .getEncoded());
        assertThatThrownBy(() -> new AuditSigningKey(key(rsa), dataDir.toString(), "http://localhost:8080", prod()))
                .hasMessageContaining("not an Ed25519 private key")
                .hasMessageNotContaining(rsa.substring(0, 40));
        assertThatThrownBy(() ->
                        new AuditSigningKey(key("not a key!"), dataDir.toString(), "http://localhost:8080", prod()))
                .hasMessageNotContaining("not a key!");
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static boolean verifies(AuditSigningKey key, byte[] bytes, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(key.publicKeyPem().replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")))));
        verifier.update(bytes);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
