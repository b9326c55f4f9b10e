package dev.custos.walkthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service as a user starts it: {@code ./custos run} from the checkout's root, as a child process, on free ports
 * and a fresh data directory. {@link #close()} stops it and everything it started, also when a test failed.
 */
final class RunningCustos implements AutoCloseable {

    /** CI and a slow machine: the first start after a build also records the class-data archive (README). */
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);

    private final Path checkout;
    private final Path runDirectory;
    private final Path dataDirectory;
    private final Path serviceLog;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Thread stopOnExit;

    private RunningCustos(Path checkout, Path runDirectory, int port, int managementPort) throws IOException {
        this.checkout = checkout;
        this.runDirectory = runDirectory;
        this.dataDirectory = Files.createDirectories(runDirectory.resolve("data"));
        this.serviceLog = runDirectory.resolve("service.log");
        this.port = port;
        this.managementPort = managementPort;
        ProcessBuilder custosRun = new ProcessBuilder("./custos", "run")
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile());
        environmentOf(custosRun.environment());
        this.process = custosRun.start();
        this.stopOnExit = new Thread(this::stop, "stop ./custos run");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts {@code ./custos run} in {@code checkout} with its files under {@code runsDirectory} and waits until it is ready. */
    static RunningCustos start(Path checkout, Path runsDirectory) throws IOException, InterruptedException {
        Path runDirectory = Files.createTempDirectory(Files.createDirectories(runsDirectory), "run-");
        RunningCustos custos = new RunningCustos(checkout, runDirectory, freePort(), freePort());
        try {
            custos.awaitReadiness();
        } catch (RuntimeException | InterruptedException e) {
            custos.close();
            throw e;
        }
        return custos;
    }

    /**
     * What every process of the walkthrough sees: the embedded default (no inherited CUSTOS_* setting), this run's
     * ports and data directory, and no build: Maven built the jars before this module's tests.
     */
    void environmentOf(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("CUSTOS_") || name.equals("PORT"));
        environment.put("PORT", Integer.toString(port));
        environment.put("CUSTOS_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("CUSTOS_DATA_DIR", dataDirectory.toString());
        environment.put("CUSTOS_NO_BUILD", "1");
    }

    Path checkout() {
        return checkout;
    }

    Path runDirectory() {
        return runDirectory;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    int port() {
        return port;
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    /** A development token from {@code ./custos token}, as the README's walkthrough takes one. */
    String token(String individualId, boolean admin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./custos", "token", "--sub", individualId));
        if (admin) {
            command.add("--admin");
        }
        ProcessBuilder tokenCommand =
                new ProcessBuilder(command).directory(checkout.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        environmentOf(tokenCommand.environment());
        Process printing = tokenCommand.start();
        String token = new String(printing.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (printing.waitFor() != 0 || token.isEmpty()) {
            throw new IllegalStateException("./custos token exited with " + printing.exitValue());
        }
        return token;
    }

    private void awaitReadiness() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "./custos run exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The management port opens late in the start; until then the connection is refused.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("./custos run was not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(serviceLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
    }

    /**
     * The service stops its embedded PostgreSQL on SIGTERM; whatever is left of the tree (a class-data training
     * run, a PostgreSQL pg_ctl detached) is killed.
     */
    private void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        String data = dataDirectory.toString();
        ProcessHandle.allProcesses()
                .filter(other -> other.info().commandLine().orElse("").contains(data))
                .forEach(ProcessHandle::destroyForcibly);
        deleteDataDirectory();
    }

    private void deleteDataDirectory() {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDirectory, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
