package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;

/**
 * 200 hold commands whose clients hang up at random points: before the body is finished, just after, or while
 * the command runs. Each command either commits whole (its event, its hold row and its audit row) or leaves
 * nothing, and no worker is interrupted.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectIT extends IntegrationTest {

    @Test
    void clientsThatHangUpLeaveTheStoreAndTheTablesInAgreement(CapturedOutput output) throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        UUID tenant = legal.tenant();
        String bearer = Jwts.forIndividual(legal.individual());
        Random random = new Random(20261202);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int cutAfterMillis = random.nextInt(25);
            boolean cutMidBody = random.nextInt(5) == 0;
            sent.add(clients.submit(() -> {
                hangUpOn(bearer, tenant, cutMidBody, cutAfterMillis);
                return null;
            }));
        }
        for (Future<?> one : sent) {
            one.get();
        }
        clients.shutdown();

        String db = databaseName();
        String events = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LegalHoldPlaced' "
                + "AND convert_from(payload, 'UTF8') LIKE '%" + tenant + "%'";
        String holds = "SELECT count(*) FROM cc_legal_holds WHERE tenant_id = '" + tenant + "'";
        String audit = "SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + tenant
                + "' AND action_key = 'hold_create'";
        // Commands still running when their clients left finish on their own: wait until the count settles.
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long now = TestDatabase.count(db, events);
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        long committed = last[0];
        assertThat(TestDatabase.count(db, holds)).isEqualTo(committed);
        assertThat(TestDatabase.count(db, audit)).isEqualTo(committed);
        assertThat(committed).isBetween(1L, 200L);
        assertThat(output.getAll()).doesNotContain("interrupted").doesNotContain("Interrupted");
    }

    private void hangUpOn(String bearer, UUID tenant, boolean cutMidBody, int cutAfterMillis) throws Exception {
        byte[] body = "{\"title\":\"Held\",\"reason\":\"litigation\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/operator/legal/holds HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
                + "\r\nx-tenant-id: " + tenant + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, cutMidBody ? body.length / 2 : body.length);
            out.flush();
            Thread.sleep(cutAfterMillis);
        }
    }
}
