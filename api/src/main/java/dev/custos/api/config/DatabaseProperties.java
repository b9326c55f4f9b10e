package dev.custos.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_DB_URL}, {@code CUSTOS_DB_USER}, {@code CUSTOS_DB_PASSWORD}: an external PostgreSQL 15+ whose user
 * owns the schema. Without a URL the service starts the embedded default under {@code CUSTOS_DATA_DIR}.
 * {@code CUSTOS_DB_RUNTIME_PASSWORD}, when set, becomes the password of the runtime roles.
 * {@code CUSTOS_DB_LOCK_TIMEOUT} bounds how long the service's own JDBC sessions wait for a lock (default 5 s).
 */
@ConfigurationProperties("custos.db")
public record DatabaseProperties(
        String url, String user, String password, String runtimePassword, Duration lockTimeout) {

    /** How long a JDBC session of the service waits for any lock before its statement fails. */
    public Duration effectiveLockTimeout() {
        return lockTimeout == null ? Duration.ofSeconds(5) : lockTimeout;
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /** Passwords stay out of logs and error messages. */
    @Override
    public String toString() {
        return "DatabaseProperties[" + url + ", user=" + user + "]";
    }
}
