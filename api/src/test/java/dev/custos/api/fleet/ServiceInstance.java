package dev.custos.api.fleet;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance: the packaged jar in its own JVM with the embedded module added ({@code loader.path}), on its
 * own ports, its output appended to its own log.
 * {@link #kill9()} is SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no graceful drain.
 */
final class ServiceInstance {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final int index;
    private final Path jar;
    private final Path embeddedLib;
    private final Path log;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private final FleetHttp http;
    private Process process;

    ServiceInstance(
            int index,
            Path jar,
            Path embeddedLib,
            Path log,
            Map<String, String> environment,
            int port,
            int managementPort,
            FleetHttp http) {
        this.index = index;
        this.jar = jar;
        this.embeddedLib = embeddedLib;
        this.log = log;
        this.environment = environment;
        this.port = port;
        this.managementPort = managementPort;
        this.http = http;
    }

    int index() {
        return index;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Launches the JVM; {@link #awaitReady()} waits for it to serve. */
    synchronized void launch() {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Daxoniq.update-checker.disabled=true",
                "-Dloader.path=" + embeddedLib,
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("CUSTOS_") || name.equals("PORT"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CUSTOS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("instance " + index + " could not be launched", e);
        }
    }

    /** Waits until readiness answers 200; fails at once, with the log's tail, if the JVM exits first. */
    void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException("instance " + index + " exited before it was ready:\n" + logTail());
            }
            if (readiness().status() == 200) {
                return;
            }
            FleetDatabase.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(
                "instance " + index + " was not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    Answer readiness() {
        return http.get(management("/actuator/health/readiness"), Map.of());
    }

    Answer liveness() {
        return http.get(management("/actuator/health/liveness"), Map.of());
    }

    /** SIGKILL, and waits for the JVM to be gone. */
    synchronized void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGTERM, and SIGKILL if it has not exited after 10 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
