package dev.custos.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service under test: the built jar in its own process, as a user would start it. */
final class Service implements AutoCloseable {

    private final Process process;
    final int port;
    final int managementPort;
    final Duration startTime;

    private Service(Process process, int port, int managementPort, Duration startTime) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.startTime = startTime;
    }

    /**
     * Starts the service ({@code launch}: what follows the JVM options, such as {@code -jar} and the jar) with
     * {@code environment} added and waits until its liveness probe answers 200.
     */
    static Service start(List<String> launch, Map<String, String> environment, Path log, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port, "--management.server.port=" + managementPort));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + log);
            }
            if (live(client, managementPort)) {
                return new Service(process, port, managementPort, Duration.ofNanos(System.nanoTime() - started));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within 2 minutes; see " + log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The near-empty route: the liveness probe, on the management port the bench gives every jar it starts. */
    String liveness() {
        return "http://127.0.0.1:" + managementPort + "/actuator/health/liveness";
    }

    /** Resident memory of the service process, from {@code /proc}. */
    long residentMebibytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean live(HttpClient client, int port) {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
