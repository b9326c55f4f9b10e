package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * 200 hold commands whose clients hang up at random points: before the body is finished, just after, or while
 * the command runs. Each command either commits whole (its event, its hold row and its audit row) or leaves
 * nothing, and no worker is interrupted. One client in five stays for its answer, so the run always holds
 * acknowledged commands, however fast or slow the machine is, and every one of them must be in the store.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectIT extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    /** Axon's handler timeouts interrupt the handling thread when they expire: none is configured. */
    @Test
    void noAxonTimeoutCanInterruptACommand() {
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class))
                .isEmpty();
    }

    @Test
    void clientsThatHangUpLeaveTheStoreAndTheTablesInAgreement(CapturedOutput output) throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        UUID tenant = legal.tenant();
        String bearer = Jwts.forIndividual(legal.individual());
        Random random = new Random(20261202);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int cutAfterMillis = random.nextInt(25);
            int mode = random.nextInt(5);
            sent.add(clients.submit(() ->
                    mode == 0 ? waitForAnswer(bearer, tenant) : hangUpOn(bearer, tenant, mode == 1, cutAfterMillis)));
        }
        long acknowledged = 0;
        for (Future<Boolean> one : sent) {
            acknowledged += one.get() ? 1 : 0;
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
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long now = TestDatabase.count(db, events);
                    boolean settled = now == last[0];
                    last[0] = now;
                    return settled;
                });
        long committed = last[0];
        assertThat(TestDatabase.count(db, holds)).isEqualTo(committed);
        assertThat(TestDatabase.count(db, audit)).isEqualTo(committed);
        assertThat(acknowledged).isPositive();
        assertThat(committed).isBetween(acknowledged, 200L);
        assertThat(output.getAll())
                .doesNotContain("interrupted")
                .doesNotContain("Interrupted")
                .as("a client that resets its connection is not a failure of the service")
                .doesNotContain("Unhandled failure")
                .doesNotContain("onErrorDropped")
                .doesNotContain("after its request had ended");
    }

    /** Sends the whole command, cuts the connection after a while, and reports that nothing was acknowledged. */
    private boolean hangUpOn(String bearer, UUID tenant, boolean cutMidBody, int cutAfterMillis) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            send(socket, bearer, tenant, cutMidBody);
            Thread.sleep(cutAfterMillis);
        }
        return false;
    }

    /** Sends the whole command, reads the status line, then cuts the connection; true when it was a 201. */
    private boolean waitForAnswer(String bearer, UUID tenant) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0);
            socket.setSoTimeout(10_000);
            send(socket, bearer, tenant, false);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return in.readLine().startsWith("HTTP/1.1 201");
        }
    }

    private static void send(Socket socket, String bearer, UUID tenant, boolean cutMidBody) throws Exception {
        byte[] body = "{\"title\":\"Held\",\"reason\":\"litigation\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/operator/legal/holds HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bearer
                + "\r\nx-tenant-id: " + tenant + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, cutMidBody ? body.length / 2 : body.length);
        out.flush();
    }
}
