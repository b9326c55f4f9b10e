package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.CustosApplication;
import dev.custos.api.config.DatabaseEndpoint;
import dev.custos.api.security.AuthProperties;
import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.Jwts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default, started the way the README starts it: no database configuration at all. It must come up
 * on its own PostgreSQL, durable (fsync on), and keep its data across a restart: its audit signing key too, so the
 * checkpoints signed after a restart chain to those signed before it.
 */
class EmbeddedDefaultIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(CustosApplication.class)
                .run(
                        "--server.port=0",
                        "--custos.data-dir=" + dataDir,
                        "--custos.db.url=",
                        "--custos.auth.hs256-secret=");
    }

    private static WebTestClient http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void startsWithoutConfigurationAndKeepsItsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("custos-embedded");
        UUID operator = UUID.randomUUID();
        String adminToken = Jwts.sign(
                AuthProperties.DEVELOPMENT_SECRET,
                UUID.randomUUID().toString(),
                "custos:admin",
                java.time.Instant.now().plusSeconds(600));
        String operatorToken = Jwts.sign(
                AuthProperties.DEVELOPMENT_SECRET,
                operator.toString(),
                null,
                java.time.Instant.now().plusSeconds(600));
        String tenantId;
        Map<?, ?> firstCheckpoint;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Map<?, ?> tenant = http(first)
                    .post()
                    .uri("/api/tenants")
                    .headers(h -> h.setBearerAuth(adminToken))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Durable", "first_operator_individual_id", operator))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            tenantId = (String) tenant.get("tenant_id");
            firstCheckpoint = signCheckpoint(first, operatorToken, tenantId);
            assertThat(firstCheckpoint.get("number")).isEqualTo(1);

            DatabaseEndpoint endpoint = first.getBean(DatabaseEndpoint.class);
            try (Connection owner = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.ownerUser(), null);
                    ResultSet settings = owner.createStatement()
                            .executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("on");
                assertThat(settings.getString(2)).isEqualTo("on");
            }
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            http(second)
                    .get()
                    .uri("/api/operator/roles")
                    .headers(h -> {
                        h.setBearerAuth(operatorToken);
                        h.set("x-tenant-id", tenantId);
                    })
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.assignments[0].individual_id")
                    .isEqualTo(operator.toString());

            Map<?, ?> secondCheckpoint = signCheckpoint(second, operatorToken, tenantId);
            assertThat(secondCheckpoint.get("number")).isEqualTo(2);
            assertThat(secondCheckpoint.get("prev_signature")).isEqualTo(firstCheckpoint.get("signature"));
            assertThat(secondCheckpoint.get("key_id")).isEqualTo(firstCheckpoint.get("key_id"));
            Map<?, ?> published = http(second)
                    .get()
                    .uri("/api/audit/checkpoints")
                    .headers(h -> {
                        h.setBearerAuth(operatorToken);
                        h.set("x-tenant-id", tenantId);
                    })
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            String publicKey = (String) published.get("public_key");
            assertThat(AuditProofs.signedBy(firstCheckpoint, UUID.fromString(tenantId), publicKey))
                    .isTrue();
            assertThat(AuditProofs.signedBy(secondCheckpoint, UUID.fromString(tenantId), publicKey))
                    .isTrue();
        }
    }

    private static Map<?, ?> signCheckpoint(ConfigurableApplicationContext context, String token, String tenantId) {
        return http(context)
                .post()
                .uri("/api/audit/checkpoints")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("x-tenant-id", tenantId);
                })
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
