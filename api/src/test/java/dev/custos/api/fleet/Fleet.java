package dev.custos.api.fleet;

import dev.custos.api.support.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A fleet that owns everything it runs: its own PostgreSQL and {@code size} service instances over it, each a JVM
 * of the packaged jar sharing one data directory (blobs, audit key) and one HS256 secret, so any instance accepts
 * any other's operator tokens and portal sessions. Everything lives under {@code target/fleet/<name>/}, and
 * {@link #close()} ends every process it started, also when a test failed, and a shutdown hook does the same if
 * the test JVM is stopped.
 */
final class Fleet implements AutoCloseable {

    static final String RUNTIME_PASSWORD = "fleet-runtime-password";

    private final String name;
    private final FleetHttp http = new FleetHttp();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final Thread cleanup = new Thread(this::stopEverything, "fleet-cleanup");
    private FleetDatabase database;

    private Fleet(String name) {
        this.name = name;
    }

    /** A fleet of {@code size} instances (at most 3: each JVM has its own pools), all ready. */
    static Fleet start(String name, int size) {
        if (size < 1 || size > 3) {
            throw new IllegalArgumentException("a fleet has 1 to 3 instances on this machine, not " + size);
        }
        Fleet fleet = new Fleet(name);
        Runtime.getRuntime().addShutdownHook(fleet.cleanup);
        try {
            fleet.launch(size);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void launch(int size) {
        Path directory = directory();
        deleteRecursively(directory);
        try {
            Files.createDirectories(directory.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = FleetDatabase.start(directory, freePort());
        Map<String, String> environment = Map.of(
                "CUSTOS_DB_URL",
                database.jdbcUrl(),
                "CUSTOS_DB_USER",
                FleetDatabase.OWNER,
                "CUSTOS_DB_PASSWORD",
                FleetDatabase.OWNER_PASSWORD,
                "CUSTOS_DB_RUNTIME_PASSWORD",
                RUNTIME_PASSWORD,
                "CUSTOS_DATA_DIR",
                directory.resolve("data").toString(),
                "CUSTOS_AUTH_HS256_SECRET",
                Jwts.SECRET,
                // The tests name their client addresses in X-Forwarded-For, as a load balancer on this host would.
                "CUSTOS_TRUSTED_PROXIES",
                "127.0.0.1");
        Path jar = Path.of(System.getProperty("custos.fleet.jar", "target/custos.jar"))
                .toAbsolutePath();
        // The instances share the fleet's PostgreSQL but each runs the embedded S3 on the shared data directory, which
        // the production jar does not carry: the package phase copies it beside the jar.
        Path embeddedLib = Path.of(System.getProperty("custos.fleet.embedded-lib", "target/embedded-lib"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(embeddedLib)) {
            throw new IllegalStateException(jar + " or " + embeddedLib + " is missing: run the package phase first");
        }
        for (int i = 0; i < size; i++) {
            instances.add(new ServiceInstance(
                    i,
                    jar,
                    embeddedLib,
                    directory.resolve("instance-" + i + ".log"),
                    environment,
                    freePort(),
                    freePort(),
                    http));
        }
        // The first instance alone creates what the shared data directory and the database need once (the blob
        // bucket, the audit key, the schema): two instances starting together on a new directory race for the
        // bucket and one fails with BucketAlreadyOwnedByYou. The others then start in parallel.
        instances.get(0).launch();
        instances.get(0).awaitReady();
        List<ServiceInstance> others = instances.subList(1, instances.size());
        others.forEach(ServiceInstance::launch);
        CompletableFuture.allOf(others.stream()
                        .map(instance -> CompletableFuture.runAsync(instance::awaitReady))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    int size() {
        return instances.size();
    }

    ServiceInstance instance(int index) {
        return instances.get(index);
    }

    List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    FleetHttp http() {
        return http;
    }

    FleetDatabase database() {
        return database;
    }

    void kill9(int index) {
        instances.get(index).kill9();
    }

    /** Launches a stopped (or killed) instance again on its ports and waits until it is ready. */
    void restart(int index) {
        ServiceInstance instance = instances.get(index);
        instance.kill9();
        instance.launch();
        instance.awaitReady();
    }

    void stopDatabaseImmediately() {
        database.stopImmediately();
    }

    void startDatabase() {
        database.startServer();
    }

    long terminateConnections() {
        return database.terminateConnections();
    }

    Path directory() {
        return Path.of(System.getProperty("custos.fleet.dir", "target/fleet"))
                .toAbsolutePath()
                .resolve(name);
    }

    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same work
        }
    }

    private synchronized void stopEverything() {
        instances.forEach(ServiceInstance::stop);
        if (database != null) {
            database.close();
        }
        http.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
