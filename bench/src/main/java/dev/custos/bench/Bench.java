package dev.custos.bench;

import static dev.custos.bench.Http.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./custos bench}: starts the built jar on a fresh database of the local PostgreSQL, takes the baselines
 * (pgbench inserts, the near-empty route) and every hot path in the same run, and prints one Markdown table.
 * See docs/performance.md for what each row means and the figures of record.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    private final Options options;
    private final Table table = new Table();

    private Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new Bench(Options.parse(args)).run();
    }

    private void run() throws Exception {
        String database = "custos_bench_" + System.currentTimeMillis();
        admin("CREATE DATABASE " + database);
        Path work = Files.createTempDirectory("custos-bench");
        try {
            bench(database, work);
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        if (options.embedded()) {
            embeddedStarts(work);
        }
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), table.markdown());
        log.info("The table is in {}:\n{}", options.out(), table.markdown());
    }

    private void bench(String database, Path work) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CUSTOS_DB_URL",
                "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + database,
                "CUSTOS_DB_USER",
                options.pgUser(),
                "CUSTOS_DATA_DIR",
                work.resolve("data").toString(),
                "CUSTOS_AUTH_HS256_SECRET",
                Http.SECRET,
                // The bench measures the work behind the limit, not the limit: one client sends thousands a minute.
                "CUSTOS_PORTAL_REQUESTS_PER_MINUTE",
                "1000000000"));
        Path serviceLog = work.resolve("service.log");
        log.info("Starting {} (its log: {})", options.jar(), serviceLog);
        try (Service service = Service.start(options.jarLaunch(), environment, serviceLog, options.jvm());
                Connection sql = DriverManager.getConnection(jdbcUrl(database), options.pgUser(), "")) {
            table.fact(
                    "B6 start, external PostgreSQL (to liveness 200)",
                    String.format("%.1f s", service.startTime.toMillis() / 1000.0));
            for (List<String> copies : List.of(PgBench.copyTableDdl(), Floors.copyTableDdl())) {
                for (String ddl : copies) {
                    sql.createStatement().execute(ddl);
                }
            }
            warmUp(new World(new Http(service.base())));
            Http http = new Http(service.base());
            World world = new World(http);

            // B0: the baselines, in this run.
            PgBench pgbench = new PgBench(options.pgHost(), options.pgPort(), options.pgUser(), database);
            Map<Integer, Load.Result> empty = new HashMap<>();
            HttpClient probe =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String liveness = service.liveness();
            for (int clients : options.clients()) {
                table.load(
                        "B0 pgbench INSERT into a copy of domain_event_entry",
                        clients,
                        pgbench.insert(clients, options.window()),
                        null,
                        null);
            }
            for (int clients : options.clients()) {
                Load.Result result =
                        Load.run(clients, options.warmUp(), options.window(), client -> () -> ok(probe, liveness));
                empty.put(clients, result);
                table.load("B0 near-empty route (GET liveness)", clients, result, null, null);
            }

            // B1: one operator command, one new aggregate and one event.
            Http.As operator = world.tenantWithOperator();
            commandRows("B1 POST /api/operator/legal/holds", () -> world.placeHold(operator), empty);
            commandRows("B1 POST /api/operator/emergency/runs/start", () -> world.startRun(operator), empty);
            for (int clients : options.clients()) {
                table.load(
                        "B1 floor: run_start's SQL alone (pgbench)",
                        clients,
                        pgbench.run(Floors.command(operator), clients, options.window(), true, true),
                        empty.get(clients),
                        "empty route");
            }

            // B3: from the command's answer to its audit row.
            // The poll names the tenant and the subject's type, so it is one index probe however many rows B1 made.
            table.latency(
                    "B3 lag: hold answered → cc_operator_events row",
                    lag(
                            world,
                            operator,
                            sql,
                            "SELECT 1 FROM cc_operator_events WHERE tenant_id = '" + operator.tenant()
                                    + "' AND subject_type = 'legal_hold' AND subject_id = ?::uuid"),
                    null,
                    null);
            // B7: from the command's answer to its event's link in the tenant's audit chain (the contract: ≤ 1 s).
            table.latency(
                    "B7 lag: hold answered → its event chained",
                    lag(
                            world,
                            operator,
                            sql,
                            "SELECT 1 FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index "
                                    + "WHERE e.aggregate_identifier = ?"),
                    null,
                    null);

            // B7 again with the command bench's full rate running beside it: chaining must keep up.
            int busiest = options.clients().get(options.clients().size() - 1);
            Http.As busy = world.tenantWithOperator();
            AtomicBoolean loaded = new AtomicBoolean(true);
            LongAdder background = new LongAdder();
            Thread load = new Thread(() -> Load.onThreads(busiest, client -> () -> {
                while (loaded.get()) {
                    if (world.placeHold(busy).status() == 201) {
                        background.increment();
                    }
                }
            }));
            long loadStart = System.nanoTime();
            load.start();
            Histogram lagUnderLoad = lag(
                    world,
                    operator,
                    sql,
                    "SELECT 1 FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index "
                            + "WHERE e.aggregate_identifier = ?");
            loaded.set(false);
            load.join();
            table.latency(
                    "B7 lag under " + busiest + " clients of holds ("
                            + Math.round(background.sum() / ((System.nanoTime() - loadStart) / 1e9)) + "/s beside it)",
                    lagUnderLoad,
                    null,
                    null);

            // B8: proofs from a tenant's tree of a million entries, against a primary-key read in this run.
            TreeProofs proofs = new TreeProofs(sql, http, world.tenantWithOperator(), options.treeSize());
            proofs.grow();
            SplittableRandom random = new SplittableRandom(8);
            Histogram primaryKey = proofs.primaryKeyReads(options.samples(), random);
            table.latency("B8 floor: one tree node by primary key (JDBC)", primaryKey, null, null);
            table.latency(
                    "B8 GET /api/audit/proof/inclusion, tree of " + options.treeSize(),
                    Load.sequential(options.samples(), () -> proofs.inclusion(random)),
                    primaryKey,
                    "primary-key read");
            table.latency(
                    "B8 GET /api/audit/proof/consistency, tree of " + options.treeSize(),
                    Load.sequential(options.samples(), () -> proofs.consistency(random)),
                    primaryKey,
                    "primary-key read");
            table.fact("B8 most hashes in one proof", String.valueOf(proofs.mostHashes()));

            // B2: portal reads, 16 readers of one link, and 16 links.
            List<UUID> evidence = world.sealedEvidence(operator, 5);
            UUID grant = world.grant(operator, evidence);
            String sharedToken = world.token(operator, grant);
            List<String> oneTokenSessions = new ArrayList<>();
            List<String> ownTokenSessions = new ArrayList<>();
            int readers = 16;
            for (int i = 0; i < readers; i++) {
                oneTokenSessions.add(world.session(sharedToken));
                ownTokenSessions.add(world.session(world.token(operator, grant)));
            }
            Load.Result oneToken = Load.run(
                    readers,
                    options.warmUp(),
                    options.window(),
                    client -> () -> world.index(oneTokenSessions.get(client)).status() == 200);
            table.load(
                    "B2 GET /p/authority/index, 16 sessions of one token",
                    readers,
                    oneToken,
                    emptyAt(empty, readers),
                    "empty route");
            table.load(
                    "B2 GET /p/authority/index, 16 tokens",
                    readers,
                    Load.run(
                            readers,
                            options.warmUp(),
                            options.window(),
                            client -> () ->
                                    world.index(ownTokenSessions.get(client)).status() == 200),
                    emptyAt(empty, readers),
                    "empty route");
            table.load(
                    "B2 floor: the index read's SQL alone (pgbench)",
                    readers,
                    pgbench.run(
                            Floors.portalRead(sql, operator.tenant(), grant), readers, options.window(), true, false),
                    emptyAt(empty, readers),
                    "empty route");

            // B5: the session exchange, on fresh tokens and on the shared one after many accesses.
            Histogram fresh = Load.sequential(options.samples(), () -> {
                String token = world.token(operator, grant);
                return timed(() -> expect(200, world.exchange(token)));
            });
            table.latency("B5 session exchange, fresh token", fresh, null, null);
            long accessed = oneToken.latencies().getTotalCount();
            String session = oneTokenSessions.get(0);
            World.fill((int) Math.max(0, options.priorAccesses() - accessed), 8, 200, () -> world.index(session));
            table.latency(
                    "B5 session exchange, token with " + options.priorAccesses() + " prior accesses",
                    Load.sequential(options.samples(), () -> timed(() -> expect(200, world.exchange(sharedToken)))),
                    fresh,
                    "fresh token");

            // D: a directory command on a fresh tenant, and on one with many members.
            Http.As freshTenant = world.tenantWithOperator();
            Histogram freshDirectory =
                    Load.sequential(options.samples(), () -> timed(() -> expect(201, world.addMember(freshTenant))));
            table.latency("D POST /api/tenants/members, fresh tenant", freshDirectory, null, null);
            Http.As bigTenant = world.tenantWithOperator();
            World.fill(options.members(), 8, 201, () -> world.addMember(bigTenant));
            table.latency(
                    "D POST /api/tenants/members, tenant with " + options.members() + " members",
                    Load.sequential(options.samples(), () -> timed(() -> expect(201, world.addMember(bigTenant)))),
                    freshDirectory,
                    "fresh tenant");

            table.fact("B6 resident memory after the load", service.residentMebibytes() + " MiB");
        }
    }

    /**
     * Embedded PostgreSQL and S3Proxy: the first start initialises the data directory; the restart is the target.
     * With {@code --cds DIR} the restart is measured again as {@code ./custos run} starts the service: the extracted
     * jar with its class-data archive.
     */
    private void embeddedStarts(Path work) throws Exception {
        Path data = work.resolve("embedded");
        Map<String, String> environment = Map.of("CUSTOS_DATA_DIR", data.toString());
        for (String which : List.of("first start", "restart")) {
            startOnce(
                    "B6 embedded " + which + " (to liveness 200)",
                    options.jarLaunch(),
                    environment,
                    work.resolve("embedded-" + which + ".log"),
                    options.jvm());
        }
        if (options.cds() != null) {
            List<String> jvm = new ArrayList<>(options.jvm());
            jvm.add("-XX:SharedArchiveFile=" + options.cds().resolve("custos.jsa"));
            startOnce(
                    "B6 embedded restart with the class-data archive (./custos run)",
                    options.cdsLaunch(),
                    environment,
                    work.resolve("embedded-restart-cds.log"),
                    jvm);
        }
    }

    private void startOnce(
            String what, List<String> launch, Map<String, String> environment, Path log, List<String> jvm)
            throws Exception {
        try (Service service = Service.start(launch, environment, log, jvm)) {
            table.fact(what, String.format("%.1f s", service.startTime.toMillis() / 1000.0));
        }
    }

    /** One command at every client count, each against the near-empty route's rate at that count. */
    private void commandRows(String what, Supplier<Http.Answer> command, Map<Integer, Load.Result> empty) {
        for (int clients : options.clients()) {
            table.load(
                    what,
                    clients,
                    Load.run(
                            clients,
                            options.warmUp(),
                            options.window(),
                            client -> () -> command.get().status() == 201),
                    empty.get(clients),
                    "empty route");
        }
    }

    /**
     * Every path for {@code --prewarm} seconds before anything is measured, so the JIT has compiled the service's
     * hot code and the first rows do not pay for it: with 9 s, the first command row (the hold at 1 client) still
     * ran 1.5 ms slower than the same path once warm.
     */
    private void warmUp(World world) {
        Http.As operator = world.tenantWithOperator();
        List<UUID> evidence = world.sealedEvidence(operator, 2);
        UUID grant = world.grant(operator, evidence);
        long end = System.nanoTime() + options.prewarm().toNanos();
        while (System.nanoTime() < end) {
            World.fill(40, 4, 201, () -> world.placeHold(operator));
            World.fill(20, 4, 201, () -> world.startRun(operator));
            World.fill(20, 4, 201, () -> world.addMember(operator));
            String session = world.session(world.token(operator, grant));
            World.fill(40, 4, 200, () -> world.index(session));
        }
    }

    /** From a hold's answer until {@code query}, given the hold's id, finds a row. */
    private Histogram lag(World world, Http.As operator, Connection sql, String query) throws SQLException {
        try (PreparedStatement visible = sql.prepareStatement(query)) {
            return Load.sequential(options.samples(), () -> {
                UUID hold = expect(201, world.placeHold(operator)).id("id");
                long answered = System.nanoTime();
                try {
                    visible.setString(1, hold.toString());
                    while (true) {
                        try (ResultSet row = visible.executeQuery()) {
                            if (row.next()) {
                                return (System.nanoTime() - answered) / 1000;
                            }
                        }
                        if (System.nanoTime() - answered
                                > Duration.ofSeconds(30).toNanos()) {
                            throw new IllegalStateException("nothing 30 s after the answer: " + query);
                        }
                        LockSupport.parkNanos(200_000);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static Load.Result emptyAt(Map<Integer, Load.Result> empty, int clients) {
        return empty.getOrDefault(clients, empty.values().iterator().next());
    }

    private static long timed(Runnable call) {
        long before = System.nanoTime();
        call.run();
        return (System.nanoTime() - before) / 1000;
    }

    private static boolean ok(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + database;
    }

    private void admin(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), options.pgUser(), "")) {
            connection.createStatement().execute(statement);
        }
    }
}
