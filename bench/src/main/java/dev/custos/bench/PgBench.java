package dev.custos.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The database baseline: {@code pgbench} inserting single rows into a copy of {@code domain_event_entry} (same
 * columns, indexes and constraints, no triggers: the tenant and transaction id the event store's trigger sets are
 * given), each in its own fsync'd commit, with per-transaction logs read back
 * into a histogram.
 */
final class PgBench {

    /** About the size of a serialized hold event and its metadata, so the row costs what an event row costs. */
    static final String INSERT = """
            INSERT INTO bench_event (event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                aggregate_identifier, sequence_number, type, tenant_id, tx_id)
            VALUES (gen_random_uuid()::text, convert_to(repeat('m', 300), 'UTF8'), convert_to(repeat('p', 400), 'UTF8'),
                '1', 'dev.custos.events.legal.LegalHoldPlaced', now()::text, gen_random_uuid()::text, 0, 'LegalHold',
                gen_random_uuid(), pg_current_xact_id());
            """;

    private final String host;
    private final int port;
    private final String user;
    private final String database;

    PgBench(String host, int port, String user, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /**
     * The copy gets its own sequence: {@code LIKE ... INCLUDING DEFAULTS} would share the event store's, and every
     * bench row would then be a gap in {@code global_index} that the tracking processors must carry.
     */
    static java.util.List<String> copyTableDdl() {
        return java.util.List.of(
                "CREATE TABLE bench_event (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)",
                "CREATE SEQUENCE bench_event_seq OWNED BY bench_event.global_index",
                "ALTER TABLE bench_event ALTER COLUMN global_index SET DEFAULT nextval('bench_event_seq')");
    }

    Load.Result insert(int clients, Duration window) throws IOException, InterruptedException {
        return run(INSERT.replace('\n', ' ').strip() + "\n", clients, window, false, true);
    }

    /**
     * Runs {@code script} over and over, each run one pgbench transaction and one latency; {@code prepared} uses the extended protocol
     * with prepared statements (as the service's drivers do); without {@code durable} every commit skips the WAL
     * flush, as the portal limiter's do and as a group commit amortises it.
     */
    Load.Result run(String script, int clients, Duration window, boolean prepared, boolean durable)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("custos-pgbench");
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "-n",
                "-h",
                host,
                "-p",
                String.valueOf(port),
                "-U",
                user,
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, 2)),
                "-T",
                String.valueOf(window.toSeconds()),
                "-f",
                file.toString(),
                "-l",
                "--log-prefix=" + dir.resolve("log")));
        if (prepared) {
            command.addAll(List.of("-M", "prepared"));
        }
        command.add(database);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (!durable) {
            builder.environment().put("PGOPTIONS", "-c synchronous_commit=off");
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || output.contains("aborted")) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        long errors = 0;
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log"))
                    .toList()) {
                List<String> lines = Files.readAllLines(log);
                for (String line : lines) {
                    String[] fields = line.split(" ");
                    // client_id transaction_no time_us script_no epoch epoch_us
                    if (fields.length >= 3 && fields[2].matches("\\d+")) {
                        histogram.recordValue(Math.max(1, Long.parseLong(fields[2])));
                    } else {
                        errors++;
                    }
                }
            }
        }
        return new Load.Result(histogram.getTotalCount() / (double) window.toSeconds(), histogram, errors);
    }
}
