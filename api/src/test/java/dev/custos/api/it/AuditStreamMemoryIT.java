package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * 200,000 chained events of about 1.2 KiB each (some 250 MiB of NDJSON) streamed to an auditor by a service that
 * the build runs in a 256 MiB heap (the {@code bounded-heap} execution in api/pom.xml): the stream must flow from
 * the database cursor to the socket as the client reads, never gathered in memory.
 */
class AuditStreamMemoryIT extends IntegrationTest {

    private static final int EVENTS = 200_000;

    @Test
    void twoHundredThousandEventsStreamThroughABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run with -Xmx256m")
                .isLessThanOrEqualTo(256L * 1024 * 1024);
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        long before = TestDatabase.count(
                databaseName(), "SELECT count(*) FROM domain_event_entry WHERE tenant_id = '" + tenant + "'");
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement insert = owner.createStatement()) {
            insert.execute("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                    + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "SELECT id, id, 0, NULL, '2026-12-04T10:00:00Z', 'dev.custos.test.Bulk', '1', "
                    + "convert_to(json_build_object('tenantId', '" + tenant + "', 'n', n, 'filler', "
                    + "repeat('x', 1200))::text, 'UTF8'), convert_to('{}', 'UTF8') "
                    + "FROM (SELECT gen_random_uuid()::text AS id, n FROM generate_series(1, " + EVENTS + ") n) e");
        }
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TestDatabase.count(
                                databaseName(), "SELECT count(*) FROM audit_chain WHERE tenant_id = '" + tenant + "'")
                        == before + EVENTS);

        AtomicLong lines = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        // The body is counted as it arrives and each buffer released: the test itself holds none of it.
        WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024))
                .build()
                .get()
                .uri("/api/audit/stream?limit=" + (before + EVENTS))
                .headers(headers -> {
                    headers.setBearerAuth(Jwts.forIndividual(operator));
                    headers.set("x-tenant-id", tenant.toString());
                })
                .retrieve()
                .bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    int readable = buffer.readableByteCount();
                    for (int i = 0; i < readable; i++) {
                        if (buffer.getByte(buffer.readPosition() + i) == '\n') {
                            lines.incrementAndGet();
                        }
                    }
                    bytes.addAndGet(readable);
                    DataBufferUtils.release(buffer);
                })
                .blockLast(Duration.ofMinutes(5));

        assertThat(lines.get()).isEqualTo(before + EVENTS);
        // More bytes than the heap can hold: a service that gathered the stream would have run out of memory.
        assertThat(bytes.get()).as("more bytes than the heap holds").isGreaterThan(256L * 1024 * 1024);
    }
}
