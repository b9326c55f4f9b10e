package dev.custos.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options; every default is what docs/performance.md's figures were taken with. */
record Options(
        Path jar,
        Path embeddedLib,
        Path out,
        String pgHost,
        int pgPort,
        String pgUser,
        List<Integer> clients,
        Duration prewarm,
        Duration warmUp,
        Duration window,
        int samples,
        int priorAccesses,
        int members,
        long treeSize,
        boolean embedded,
        List<String> jvm,
        Path cds) {

    /**
     * The production jar with the embedded module added: the bench's service runs on the local PostgreSQL but on the
     * embedded S3, and its embedded starts on both.
     */
    List<String> jarLaunch() {
        return List.of("-Dloader.path=" + embeddedLib, "-jar", jar.toString());
    }

    /** As {@code ./custos run} starts it with the class-data archive: the class path its argument file names. */
    List<String> cdsLaunch() {
        return List.of("@" + cds.resolve("launch.args"));
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("no-embedded")) {
                values.put(name, "true");
            } else {
                values.put(name, args[++i]);
            }
        }
        return new Options(
                Path.of(values.getOrDefault("jar", "api/target/custos.jar")),
                Path.of(values.getOrDefault("embedded-lib", "api/target/embedded-lib")),
                Path.of(values.getOrDefault("out", "bench/target/bench.md")),
                values.getOrDefault("pg-host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("pg-port", "5432")),
                values.getOrDefault("pg-user", "postgres"),
                List.of(1, 8, 16),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("prewarm", "30"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("warm-up", "3"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "10"))),
                Integer.parseInt(values.getOrDefault("samples", "200")),
                Integer.parseInt(values.getOrDefault("prior-accesses", "10000")),
                Integer.parseInt(values.getOrDefault("members", "10000")),
                Long.parseLong(values.getOrDefault("tree-size", "1000000")),
                !values.containsKey("no-embedded"),
                List.of(values.getOrDefault("jvm", "-XX:+UseSerialGC").split(" ")),
                values.containsKey("cds") ? Path.of(values.get("cds")) : null);
    }
}
