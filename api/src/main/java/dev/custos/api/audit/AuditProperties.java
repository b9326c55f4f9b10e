package dev.custos.api.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_AUDIT_SIGNING_KEY}: the Ed25519 private key checkpoints are signed with (PKCS#8, PEM or base64);
 * unset, the embedded default generates one under the data directory and warns. {@code chain-interval} is how
 * often the chain follower looks for new final events, {@code checkpoint-interval} how often moved heads are signed,
 * {@code note-key-name} the key name of the signed tree heads (default: the public base URL's host and
 * {@code /custos}).
 */
@ConfigurationProperties("custos.audit")
public record AuditProperties(
        String signingKey, Duration chainInterval, Duration checkpointInterval, String noteKeyName) {

    public AuditProperties {
        chainInterval = chainInterval == null ? Duration.ofMillis(100) : chainInterval;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(60) : checkpointInterval;
        noteKeyName = noteKeyName == null || noteKeyName.isBlank() ? null : noteKeyName;
    }

    boolean keyConfigured() {
        return signingKey != null && !signingKey.isBlank();
    }

    /** The key stays out of logs and error messages. */
    @Override
    public String toString() {
        return "AuditProperties[signingKey=" + (keyConfigured() ? "set" : "unset") + ", chainInterval=" + chainInterval
                + ", checkpointInterval=" + checkpointInterval + ", noteKeyName=" + noteKeyName + "]";
    }
}
