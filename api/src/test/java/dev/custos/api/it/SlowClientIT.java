package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that hold a connection without finishing their request: headers never completed (or trickled a byte at a
 * time), a body that stops half way. The server closes each within its bound and answers everyone else meanwhile;
 * an upload whose bytes keep coming is not cut. Short bounds here, so that the test is quick; every loop is bounded
 * in count and time, and every socket is on 127.0.0.1.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"custos.http.header-timeout=2s", "custos.http.body-idle-timeout=3s"})
class SlowClientIT extends IntegrationTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BODY_IDLE_TIMEOUT = Duration.ofSeconds(3);
    /** Slack for a busy 2-core machine: the server's timer, the scheduler, the test's own reads. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static final int SOCKETS = 100;

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Whether the server closes the socket before {@code deadline} (nanoTime), reading whatever it answers first. */
    private static boolean closedBy(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    /** A slow client is the client's doing: no error, and no warning per connection (that would be a log flood). */
    private static void quiet(CapturedOutput output) {
        // What the server logs as it closes a connection is written just after the client sees the close.
        sleep(Duration.ofMillis(300));
        assertThat(output.getAll())
                .doesNotContain(" ERROR ")
                .doesNotContain("Decoding failed")
                .doesNotContain("after its request had ended");
    }

    /** A normal request answers, and promptly, however many slow clients hold connections. */
    private void aNormalRequestIsAnsweredPromptly() {
        long asked = System.nanoTime();
        http().get().uri("/p/authority").exchange().expectStatus().isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void socketsThatNeverFinishTheirHeadersAreClosedWithinTheHeaderTimeout(CapturedOutput output) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < SOCKETS; i++) {
                Socket socket = open();
                sockets.add(socket);
                send(socket, "GET /v3/api-docs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            }
            aNormalRequestIsAnsweredPromptly();
            long deadline = start + HEADER_TIMEOUT.plus(MARGIN).toNanos();
            int open = 0;
            for (Socket socket : sockets) {
                open += closedBy(socket, deadline) ? 0 : 1;
            }
            assertThat(open).as("sockets still open after the header timeout").isZero();
            quiet(output);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aClientTricklingItsHeadersIsClosedAtTheHeaderDeadline(CapturedOutput output) throws IOException {
        try (Socket socket = open()) {
            long start = System.nanoTime();
            send(socket, "GET /v3/api-docs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            long deadline = start + HEADER_TIMEOUT.plus(MARGIN).toNanos();
            boolean closed = false;
            // A byte every 250 ms keeps any idle timer from firing; only a deadline on the whole header stops it.
            for (int i = 0; i < 40 && !closed && System.nanoTime() < deadline; i++) {
                try {
                    send(socket, "a");
                } catch (SocketException reset) {
                    closed = true;
                    break;
                }
                closed = closedBy(socket, Math.min(deadline, System.nanoTime() + 250_000_000L));
            }
            assertThat(closed)
                    .as("closed before the header deadline and its margin")
                    .isTrue();
            quiet(output);
        }
    }

    @Test
    void aBodyThatStallsIsClosedAfterTheBodyIdleTimeout(CapturedOutput output) throws IOException {
        try (Socket socket = open()) {
            send(
                    socket,
                    "POST /p/authority/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"token\":\"");
            long start = System.nanoTime();
            aNormalRequestIsAnsweredPromptly();
            assertThat(closedBy(socket, start + BODY_IDLE_TIMEOUT.plus(MARGIN).toNanos()))
                    .isTrue();
            quiet(output);
        }
    }

    @Test
    void anUploadWhoseBytesKeepComingOutlivesTheBodyIdleTimeout() throws IOException {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        int chunks = 6;
        byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = open()) {
            send(
                    socket,
                    "POST /api/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + Jwts.forIndividual(operator) + "\r\nx-tenant-id: " + tenant + "\r\n"
                            + "x-evidence-title: Slow upload\r\nContent-Type: text/plain\r\nContent-Length: "
                            + chunks * chunk.length + "\r\n\r\n");
            // One part a second: 6 s in all, twice the body idle timeout, but never idle for long.
            for (int i = 0; i < chunks; i++) {
                sleep(Duration.ofSeconds(1));
                socket.getOutputStream().write(chunk);
                socket.getOutputStream().flush();
            }
            socket.setSoTimeout(10_000);
            byte[] status = socket.getInputStream().readNBytes(12);
            assertThat(new String(status, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 201");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
